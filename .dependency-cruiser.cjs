/**
 * The layer rules, checked on resolved paths (not on import strings) by dependency-cruiser:
 * `npm run lint` runs it on src/, and test/unit/layers.test.ts runs the same rules on small planted
 * trees so each rule is shown to fail. Paths are relative to the directory cruised from.
 *
 * Type-only imports are seen (tsPreCompilationDeps) and marked `type-only`, so a rule can allow
 * them where only the runtime import would hurt (the webview bundle, core's `vscode`).
 */

/** The `vscode` module as resolved: its types package (the runtime module exists only inside VS Code). */
const VSCODE = '^(node_modules/@types/vscode/|vscode$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-not-to-host',
      comment: 'src/core is pure TypeScript: it imports nothing (not even types) from the VS Code adapters, the webview or the composition root.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(vscode/|webview/|extension\\.ts$)' },
    },
    {
      name: 'core-no-runtime-vscode',
      comment: 'src/core runs under plain mocha: `vscode` is allowed as a type-only import, never at runtime.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: VSCODE, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'webview-not-to-host',
      comment: 'src/webview is DOM-only: it imports nothing from the extension host (core, adapters, composition root, vscode, Node).',
      severity: 'error',
      from: { path: '^src/webview/' },
      to: { path: ['^src/(core/|vscode/|extension\\.ts$)', VSCODE] },
    },
    {
      name: 'webview-no-node',
      comment: 'The webview runs in a browser: no Node built-ins.',
      severity: 'error',
      from: { path: '^src/webview/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'webview-shared-types-only',
      comment: 'The webview imports only types from src/shared: a runtime import would pull zod into the browser bundle.',
      severity: 'error',
      from: { path: '^src/webview/' },
      to: { path: '^src/shared/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'vscode-not-to-webview',
      comment: 'The adapters talk to the webview only through src/shared/protocol.ts, never by importing its code.',
      severity: 'error',
      from: { path: '^src/vscode/' },
      to: { path: '^src/webview/' },
    },
    {
      name: 'shared-is-a-leaf',
      comment: 'src/shared/protocol.ts is the contract between the two sides: it imports only zod.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { pathNot: ['^node_modules/zod/', '^src/shared/'] },
    },
    {
      name: 'stored-format-own-schema',
      comment: 'The history format on disk has its own schema: it imports only zod (not the webview protocol), so a protocol change cannot change what is on disk.',
      severity: 'error',
      from: { path: '^src/core/chat/storedFormat\\.ts$' },
      to: { pathNot: '^node_modules/zod/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules form no cycle at run time (a cycle through a type-only import is erased by the compiler; src/core/edits has two).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or a package (a typo in a relative path fails here, not at run time).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};

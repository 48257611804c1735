/**
 * An in-memory file system for path classification tests: POSIX or Windows rules, with or without
 * case, Windows short names, and symlinks (whose targets keep the case they were written in).
 */
import { posix, win32 } from 'node:path';
import type { PathFs } from '../../../src/core/safety';

export type FakeEntry = 'dir' | 'file' | { link: string };

export interface FakeFsOptions {
  windows?: boolean;
  caseInsensitive?: boolean;
  /** Canonical path → its 8.3 short name (Windows). */
  shortNames?: Record<string, string>;
}

/** What NTFS itself does to a name when opening it: streams and trailing dots/spaces dropped. */
function ntfsName(segment: string): string {
  return segment.replace(/:.*$/, '').replace(/[. ]+$/, '');
}

export function fakeFs(entries: Record<string, FakeEntry>, options: FakeFsOptions = {}): PathFs & { calls: string[] } {
  const api = options.windows ? win32 : posix;
  const calls: string[] = [];
  const same = (a: string, b: string) => (options.caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);
  const keys = Object.keys(entries);

  function child(dir: string, name: string): string | undefined {
    return keys.find((k) => api.dirname(k) !== k && same(api.dirname(k), dir) && (same(api.basename(k), name) || options.shortNames?.[k]?.toUpperCase() === name.toUpperCase()));
  }

  function walk(path: string, depth: number): string | undefined {
    if (depth > 10) return undefined;
    const { root } = api.parse(path);
    let real = keys.find((k) => same(k, root)) ?? root;
    if (!keys.some((k) => same(k, root))) return undefined;
    for (const raw of path.slice(root.length).split(/[\\/]+/).filter((s) => s !== '')) {
      const name = options.windows ? ntfsName(raw) : raw;
      if (name === '.' || name === '') continue;
      if (name === '..') {
        real = api.dirname(real);
        continue;
      }
      const key = child(real, name);
      if (!key) return undefined;
      const entry = entries[key] as FakeEntry;
      if (typeof entry === 'object') {
        const target = walk(api.resolve(api.dirname(key), entry.link), depth + 1);
        if (target === undefined) return undefined;
        real = target;
      } else {
        // A case-insensitive file system answers with the case it was asked in (as some realpaths do).
        real = api.join(real, options.caseInsensitive ? name : api.basename(key));
      }
    }
    return real;
  }

  return {
    calls,
    realpath: async (path) => {
      calls.push(`realpath ${path}`);
      return walk(path, 0);
    },
    readlink: async (path) => {
      calls.push(`readlink ${path}`);
      const parent = walk(api.dirname(path), 0);
      const key = parent === undefined ? undefined : child(parent, api.basename(path));
      const entry = key === undefined ? undefined : entries[key];
      return typeof entry === 'object' ? entry.link : undefined;
    },
    caseInsensitive: async () => options.caseInsensitive ?? false,
  };
}

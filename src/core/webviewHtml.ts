/** Builds the chat webview's HTML with a strict Content-Security-Policy. Pure string work. */

export interface ChatHtmlOptions {
  /** `webview.cspSource` */
  cspSource: string;
  /** A fresh random nonce for this page load (base64 or hex, no quotes). */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconUri?: string;
}

/** The CSP: nothing by default, our own nonce'd script, our own styles and images, no network. */
export function chatCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The whole document. The body is rendered by the webview script. */
export function buildChatHtml(o: ChatHtmlOptions): string {
  const codicon = o.codiconUri ? `\n    <link rel="stylesheet" href="${attr(o.codiconUri)}" />` : '';
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${attr(chatCsp(o.cspSource, o.nonce))}" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />${codicon}
    <link rel="stylesheet" href="${attr(o.styleUri)}" />
    <title>Grok Chat</title>
  </head>
  <body>
    <div id="app" role="application" aria-label="Grok chat"></div>
    <script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
  </body>
</html>`;
}

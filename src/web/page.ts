import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Translator } from '../i18n/translator.js';

/** Rendered HTML (escaped where values were interpolated). */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

// Small enough to inline: a phone (and WeChat's in-app browser) gets one response per page.
const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2328;background:#f6f7f9}
header{background:#b42318;color:#fff;padding:.5rem .75rem;display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center}
header a,header button{color:#fff;text-decoration:none;background:none;border:0;font:inherit;padding:.25rem 0;cursor:pointer}
header .who{margin-left:auto;font-size:.85rem;opacity:.9}
main{padding:.75rem;max-width:60rem;margin:0 auto}
h1{font-size:1.25rem;margin:.5rem 0}h2{font-size:1.05rem;margin:1rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.95rem}
th,td{padding:.4rem .5rem;border-bottom:1px solid #e4e6ea;text-align:left;vertical-align:top}
th{background:#f0f1f3;font-weight:600}
.card{background:#fff;border:1px solid #e4e6ea;border-radius:6px;padding:.75rem;margin:.5rem 0}
.big{font-size:1.5rem;font-weight:600}
.bar{height:.5rem;background:#e4e6ea;border-radius:3px;overflow:hidden}.bar i{display:block;height:100%;background:#1a7f37}
.warn{color:#b42318}.muted{color:#656d76;font-size:.9rem}
.flash{background:#dafbe1;border:1px solid #1a7f37;padding:.5rem;border-radius:6px}
.error{background:#ffebe9;border:1px solid #b42318;padding:.5rem;border-radius:6px}
form.inline{display:inline}form{margin:.25rem 0}
input,select,button{font:inherit;padding:.35rem .5rem;border:1px solid #c9ccd1;border-radius:4px;max-width:100%}
button{background:#1f6feb;color:#fff;border-color:#1f6feb;cursor:pointer}button.secondary{background:#fff;color:#1f2328}
.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.scroll{overflow-x:auto}
`;

/** A full page: viewport meta for phones, inline CSS, no scripts. */
export function pageShell(t: Translator['t'], title: string, body: Html, nav: Html | null = null, lang = 'zh-Hans'): Html {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · ${t('web_title')}</title>
<style>${raw(CSS)}</style>
</head>
<body>
${nav ?? html`<header><strong>${t('web_title')}</strong></header>`}
<main>
${body}
</main>
</body>
</html>`;
}

/** A page with only a message on it (signed out, link spent, forbidden). */
export function messagePage(t: Translator['t'], title: string, message: string, lang?: string): Html {
  return pageShell(t, title, html`<h1>${title}</h1><p>${message}</p>`, null, lang);
}

/** A progress bar for a share. */
export function bar(part: number, whole: number): Html {
  const pct = whole === 0 ? 0 : Math.round((part * 100) / whole);
  return html`<div class="bar" role="img" aria-label="${pct}%"><i style="width:${pct}%"></i></div>`;
}

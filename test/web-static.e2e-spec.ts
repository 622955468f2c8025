import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

const WEB = path.join(__dirname, '..', 'templates', 'web');
const JS = path.join(WEB, 'js');

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

// Ways a string becomes markup. Only html.js may parse (it escapes every value first).
const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|srcdoc)\b/;
const PARSERS = /\b(DOMParser|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)\b/;

/** Offending lines of one file's source. */
export function sinkLines(file: string, src: string): string[] {
  const allowParser = path.basename(file) === 'html.js';
  return src.split('\n').flatMap((line, i) => (SINKS.test(line) || (!allowParser && PARSERS.test(line)) ? [`${path.relative(WEB, file)}:${i + 1}: ${line.trim()}`] : []));
}

/** Static checks on the pages: API text never becomes HTML, and index.html needs no inline script (CSP). */
describe('web pages: static safety checks', () => {
  it('no page turns a string into HTML except through the escaping html helper', () => {
    const files = jsFiles(JS);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((f) => sinkLines(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('the check itself catches each sink', () => {
    const page = path.join(JS, 'pages', 'x.js');
    for (const bad of ['el.innerHTML = x;', 'el.outerHTML = x', "el.insertAdjacentHTML('beforeend', x)", 'document.write(x)', 'new DOMParser()', 'range.createContextualFragment(x)']) {
      expect(sinkLines(page, `const a = 1;\n${bad}\n`)).toHaveLength(1);
    }
    expect(sinkLines(path.join(JS, 'html.js'), 'new DOMParser()')).toEqual([]);
    expect(sinkLines(page, 'el.textContent = x;')).toEqual([]);
  });

  it('every page module is type-checked (// @ts-check on its first line)', () => {
    const unchecked = jsFiles(JS).filter((f) => !readFileSync(f, 'utf8').startsWith('// @ts-check'));
    expect(unchecked.map((f) => path.relative(WEB, f))).toEqual([]);
  });

  it('index.html has no inline script and no inline event handler', () => {
    const page = readFileSync(path.join(WEB, 'index.html'), 'utf8');
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(page).not.toMatch(/\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/javascript:/i);
  });
});

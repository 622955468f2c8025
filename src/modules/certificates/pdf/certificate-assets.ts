import { readFileSync } from 'fs';
import * as path from 'path';
import { projectRoot } from '../../../common/startup/project-root';

/** The part of a fontkit font the renderer uses (fontkit ships no types); pdfkit accepts the object as a font. */
export interface ParsedFont {
  postscriptName: string;
  characterSet: number[];
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): unknown;
  layout: (...args: unknown[]) => unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { create(buffer: Buffer): ParsedFont };

export type Align = 'left' | 'center' | 'right';
export interface TextBox { text?: string; x: number; y: number; width?: number; size: number; minSize?: number; font: 'regular' | 'bold'; color: string; align?: Align }

/** templates/certificates/layout.json, typed. */
export interface CertificateLayout {
  page: { size: string; width: number; height: number };
  fonts: { regular: string; bold: string };
  colors: Record<string, string>;
  border: { inset: number; width: number; color: string };
  logo: { file: string; x: number; y: number; size: number };
  college: { name: TextBox & { text: string }; unit: TextBox & { text: string } };
  title: TextBox & { texts: Record<string, string> };
  intro: TextBox & { text: string };
  holderName: TextBox;
  holderBirth: TextBox & { text: string };
  statement: TextBox & { texts: Record<string, string> };
  table: {
    x: number; y: number; width: number; labelShare: number; rowHeight: number; size: number; labelFont: 'regular' | 'bold'; valueFont: 'regular' | 'bold';
    color: string; rule: string; passed: string; skills: Record<string, string>;
    hours: { physical: string; online: string; total: string; unit: string };
  };
  details: {
    x: number; y: number; labelWidth: number; size: number; lineHeight: number; labelFont: 'regular' | 'bold'; valueFont: 'regular' | 'bold';
    color: string; labelColor: string; labels: { issueDate: string; number: string; code: string };
  };
  qr: { x: number; y: number; size: number; color: string; caption: { text: string; size: number; dy: number } };
  verifyUrl: TextBox & { text: string };
  footer: TextBox & { text: string };
}

export interface LogoPath { d: string; fill: string }

/** Everything read from templates/certificates/, parsed once per process and shared by every render. */
export interface CertificateAssets {
  layout: CertificateLayout;
  fonts: { regular: ParsedFont; bold: ParsedFont };
  logo: { viewBox: [number, number, number, number]; paths: LogoPath[] };
}

export const certificateTemplateDir = (): string => path.join(projectRoot(), 'templates', 'certificates');

/** The logo is plain SVG limited to <path d fill> elements, so it is drawn as vectors without an SVG library. */
export function parseLogoSvg(svg: string): CertificateAssets['logo'] {
  const vb = /viewBox="([\d.\s-]+)"/.exec(svg)?.[1].trim().split(/\s+/).map(Number);
  if (!vb || vb.length !== 4 || vb.some((n) => !Number.isFinite(n))) throw new Error('certificate logo: the SVG needs a viewBox of four numbers');
  const paths: LogoPath[] = [];
  for (const m of svg.matchAll(/<path\b([^>]*)\/?>/g)) {
    const d = /\bd="([^"]+)"/.exec(m[1])?.[1];
    const fill = /\bfill="(#[0-9a-fA-F]{3,6})"/.exec(m[1])?.[1] ?? '#000000';
    if (d) paths.push({ d, fill });
  }
  if (!paths.length) throw new Error('certificate logo: the SVG has no <path> elements');
  return { viewBox: vb as [number, number, number, number], paths };
}

/**
 * Parses a font for reuse across documents. fontkit caches a glyph with the code points of its first request; a
 * subset that includes "ş" creates the glyph of its component "s" with none, and every later PDF then lacks the
 * text of "s" (pdftotext drops it). Creating every mapped glyph from its code point first keeps them right.
 */
function parseFont(file: string): ParsedFont {
  const font = fontkit.create(readFileSync(file));
  for (const cp of font.characterSet) font.glyphForCodePoint(cp);
  return font;
}

let cached: CertificateAssets | undefined;

/** Loads (once) the layout, the two font faces and the logo; a missing or broken file fails loudly at first use. */
export function certificateAssets(dir = certificateTemplateDir()): CertificateAssets {
  if (cached && dir === certificateTemplateDir()) return cached;
  const layout = JSON.parse(readFileSync(path.join(dir, 'layout.json'), 'utf8')) as CertificateLayout;
  const assets: CertificateAssets = {
    layout,
    fonts: {
      regular: parseFont(path.join(dir, layout.fonts.regular)),
      bold: parseFont(path.join(dir, layout.fonts.bold)),
    },
    logo: parseLogoSvg(readFileSync(path.join(dir, layout.logo.file), 'utf8')),
  };
  if (dir === certificateTemplateDir()) cached = assets;
  return assets;
}

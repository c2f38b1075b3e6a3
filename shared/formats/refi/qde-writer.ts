/**
 * A small indented XML writer for project.qde: elements nest through callbacks so the
 * code that writes a `Code` reads like the schema's sequence, and an element that ends up
 * with no children is written self-closing.
 */
import { escapeXmlAttribute, escapeXmlText } from './xml-escape';

/** Attribute values; undefined ones are left out, so optional attributes need no branches. */
export type XmlAttributes = Record<string, string | number | boolean | undefined>;

export class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  private depth = 0;

  /** `<name attrs>` … `</name>` around what `children` writes, or `<name attrs/>` when it writes nothing. */
  element(name: string, attributes: XmlAttributes, children?: () => void): void {
    const start = this.lines.length;
    const tag = `${this.indent()}<${name}${attributeText(attributes)}`;
    this.lines.push(`${tag}>`);
    this.depth++;
    children?.();
    this.depth--;
    if (this.lines.length === start + 1) this.lines[start] = `${tag}/>`;
    else this.lines.push(`${this.indent()}</${name}>`);
  }

  /** `<name>text</name>`; text is written verbatim (escaped), never re-indented, so whitespace survives. */
  textElement(name: string, text: string): void {
    this.lines.push(`${this.indent()}<${name}>${escapeXmlText(text)}</${name}>`);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }

  private indent(): string {
    return '  '.repeat(this.depth);
  }
}

function attributeText(attributes: XmlAttributes): string {
  let out = '';
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) out += ` ${key}="${escapeXmlAttribute(String(value))}"`;
  }
  return out;
}

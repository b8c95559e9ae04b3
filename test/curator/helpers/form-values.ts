/**
 * What a browser would post from the form at `action` on a page as served: its text inputs and
 * hidden fields, text areas and the selected option of each list (the record form uses no other
 * controls). Read from the HTML, so a test resends exactly what the curator saw.
 */
import { decodeEntities } from '../../site/helpers/html.ts';

/** The form's fields by name. @throws when the page has no form posting to `action`. */
export function formValuesIn(html: string, action: string): Record<string, string> {
  const form = new RegExp(`<form[^>]*action="${action.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
  if (form === undefined) throw new Error(`the page has no form posting to ${action}`);
  const values: Record<string, string> = {};
  for (const [, attributes] of form.matchAll(/<input([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(attributes!)?.[1];
    if (name) values[name] = decodeEntities(/\bvalue="([^"]*)"/.exec(attributes!)?.[1] ?? '');
  }
  for (const [, name, text] of form.matchAll(/<textarea[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) values[name!] = decodeEntities(text!);
  for (const [, name, options] of form.matchAll(/<select[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected>/.exec(options!) ?? /<option value="([^"]*)"/.exec(options!);
    values[name!] = decodeEntities(selected?.[1] ?? '');
  }
  return values;
}

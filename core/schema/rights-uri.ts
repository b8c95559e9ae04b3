/**
 * The licence or rights statement a record's free-text `rights` names, as the URI the field's
 * standards ask for (IIIF `rights`, schema.org `license`): a Creative Commons licence or
 * public-domain tool, or a RightsStatements.org statement. Curators write these in many ways
 * ("CC BY 4.0", "CC-BY-SA", "署名 4.0 国际", "公有领域", "In Copyright", a pasted URL), so the
 * forms are a small table; text that names none of them, or more than one, maps to nothing and
 * the text itself stays the requiredStatement. URIs are `http:`, as both vocabularies (and the
 * IIIF validator) define them.
 */

const CC_LICENCES = 'http://creativecommons.org/licenses';
const CC_PUBLIC_DOMAIN = 'http://creativecommons.org/publicdomain';
const RIGHTS_STATEMENTS = 'http://rightsstatements.org/vocab';

/** Creative Commons licence versions; 4.0 has no national ports. */
const CC_VERSIONS = new Set(['1.0', '2.0', '2.5', '3.0', '4.0']);
/** A licence named without a version is taken as the current one. */
const CURRENT_CC_VERSION = '4.0';

/** The licence elements after BY, by their abbreviations and official Chinese names, and CC's order of them. */
const CC_ELEMENTS: Record<string, string> = { nc: 'nc', nd: 'nd', sa: 'sa', 非商业性使用: 'nc', 禁止演绎: 'nd', 相同方式共享: 'sa' };
const CC_ORDER = ['by', 'nc', 'nd', 'sa'];

const PUBLIC_DOMAIN_MARK = `${CC_PUBLIC_DOMAIN}/mark/1.0/`;
const CC0 = `${CC_PUBLIC_DOMAIN}/zero/1.0/`;
const statement = (code: string) => `${RIGHTS_STATEMENTS}/${code}/1.0/`;

/**
 * Names, in English and Chinese, of the twelve RightsStatements.org statements and the public
 * domain tools. Longer names are matched first and then taken out of the text, so "in copyright
 * - educational use permitted" is not also "in copyright", nor CC0's "public domain dedication"
 * also "public domain".
 */
const NAMED: readonly (readonly [uri: string, ...names: string[]])[] = [
  [statement('InC'), 'in copyright', 'all rights reserved', '版权所有', '保留所有权利', '受版权保护'],
  [statement('InC-OW-EU'), 'in copyright - eu orphan work'],
  [statement('InC-EDU'), 'in copyright - educational use permitted', '版权所有 - 允许教育使用'],
  [statement('InC-NC'), 'in copyright - non-commercial use permitted', '版权所有 - 允许非商业使用'],
  [statement('InC-RUU'), 'in copyright - rights-holder(s) unlocatable or unidentifiable'],
  [statement('NoC-CR'), 'no copyright - contractual restrictions'],
  [statement('NoC-NC'), 'no copyright - non-commercial use only'],
  [statement('NoC-OKLR'), 'no copyright - other known legal restrictions'],
  [statement('NoC-US'), 'no copyright - united states'],
  [statement('CNE'), 'copyright not evaluated', '版权未评估'],
  [statement('UND'), 'copyright undetermined', '版权状况不明', '版权未定'],
  [statement('NKC'), 'no known copyright', '无已知版权'],
  [CC0, 'public domain dedication', '公有领域贡献'],
  [PUBLIC_DOMAIN_MARK, 'public domain mark', '公有领域标志', 'public domain', '公有领域', '公共领域'],
];
const NAMES = NAMED.flatMap(([uri, ...names]) => names.map((name) => ({ uri, pattern: namePattern(name) })))
  .sort((a, b) => b.pattern.source.length - a.pattern.source.length);
const STATEMENT_URIS = NAMED.map(([uri]) => uri).filter((uri) => uri.startsWith(RIGHTS_STATEMENTS));

/** The one URI `text` names, or undefined when it names none or several different ones. */
export function rightsUri(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const normalized = text.normalize('NFKC').toLowerCase().replace(/[‐-―−]/g, '-');
  const found = new Set([...fromUrls(normalized), ...fromCreativeCommonsNames(normalized), ...fromNames(normalized)]);
  return found.size === 1 ? [...found][0] : undefined;
}

/** A pasted creativecommons.org or rightsstatements.org address, `https:` or not. */
function fromUrls(text: string): string[] {
  const uris: string[] = [];
  for (const [, kind, path] of text.matchAll(/https?:\/\/(?:www\.)?(creativecommons\.org|rightsstatements\.org)\/([^\s"'<>)]*)/g)) {
    const uri = kind === 'creativecommons.org' ? creativeCommonsPath(path!) : rightsStatementPath(path!);
    if (uri) uris.push(uri);
  }
  return uris;
}

function creativeCommonsPath(path: string): string | undefined {
  const licence = /^licenses\/(by(?:-(?:nc|nd|sa)){0,2})\/(\d\.\d)\/(?:([a-z]{2})\/)?/.exec(path.endsWith('/') ? path : `${path}/`);
  if (licence) return ccLicence(licence[1]!.split('-'), licence[2], licence[3]);
  if (/^publicdomain\/zero\/1\.0/.test(path)) return CC0;
  if (/^publicdomain\/mark\/1\.0/.test(path)) return PUBLIC_DOMAIN_MARK;
  return undefined;
}

function rightsStatementPath(path: string): string | undefined {
  const code = /^(?:vocab|page)\/([a-z-]+)\/1\.0/.exec(path)?.[1];
  return code ? STATEMENT_URIS.find((uri) => uri.toLowerCase() === statement(code).toLowerCase()) : undefined;
}

/**
 * "CC BY 4.0", "CC-BY-SA", "cc by-nc-nd 3.0 cn", "知识共享 署名-非商业性使用 4.0 国际",
 * "CC0 1.0", "CC Zero", "CC PDM".
 */
function fromCreativeCommonsNames(text: string): string[] {
  const uris: string[] = [];
  if (/\bcc[-\s]?(?:0|zero)\b/.test(text)) uris.push(CC0);
  if (/\bcc[-\s]?pdm\b|public domain mark|公有领域标志/.test(text)) uris.push(PUBLIC_DOMAIN_MARK);
  const latin = /(?<![a-z])cc[-\s]+(by(?:[-\s]+(?:nc|nd|sa)){0,2})(?:[-\s]+(\d\.\d))?(?:[-\s]+([a-z]{2})(?![a-z]))?/g;
  for (const [, elements, version, port] of text.matchAll(latin)) uris.push(ccLicence(elements!.split(/[-\s]+/), version, port) ?? '');
  const chinese = /署名((?:\s*-\s*(?:非商业性使用|禁止演绎|相同方式共享)){0,2})(?:\s*(\d\.\d))?/g;
  for (const [, elements, version] of text.matchAll(chinese)) {
    // 署名 alone is "attribution", a word any credit line uses: only with 知识共享 (Creative Commons) or a version is it the licence.
    if (elements || version || text.includes('知识共享')) uris.push(ccLicence(['by', ...elements!.split('-').map((part) => part.trim()).filter(Boolean)], version) ?? '');
  }
  return uris.filter(Boolean);
}

function ccLicence(parts: string[], version = CURRENT_CC_VERSION, port?: string): string | undefined {
  const elements = parts.slice(1).map((part) => CC_ELEMENTS[part.replace(/\s+/g, '')]);
  if (parts[0] !== 'by' || elements.some((element) => element === undefined) || !CC_VERSIONS.has(version)) return undefined;
  const ordered = [...new Set(['by', ...(elements as string[])])].sort((a, b) => CC_ORDER.indexOf(a) - CC_ORDER.indexOf(b));
  // nd and sa exclude each other: no licence combines them.
  if (ordered.includes('nd') && ordered.includes('sa')) return undefined;
  const ported = port && version !== '4.0' && !['by', 'nc', 'nd', 'sa'].includes(port) ? `${port}/` : '';
  return `${CC_LICENCES}/${ordered.join('-')}/${version}/${ported}`;
}

function fromNames(text: string): string[] {
  const uris: string[] = [];
  let rest = text;
  for (const { uri, pattern } of NAMES) {
    if (!pattern.test(rest)) continue;
    uris.push(uri);
    rest = rest.split(pattern).join(' ');
  }
  return uris;
}

/** A name as a pattern that allows any spacing around its dashes. */
function namePattern(name: string): RegExp {
  return new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s*-\s*/g, '\\s*-\\s*'));
}

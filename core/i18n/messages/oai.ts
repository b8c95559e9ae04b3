import type { MessageTable } from './message-table.ts';

/**
 * OAI-PMH 2.0 at /oai (issue 11). A harvester has no language preference, so every error names
 * the protocol's error code and says what to change in both languages at once (see
 * server/oai/oai-errors.ts). Argument names and codes stay in the protocol's own spelling.
 */
export const OAI_MESSAGES = {
  'oai.error.verb_missing': { zh: '请求缺少 verb 参数；可用的 verb：{verbs}', en: 'the request has no verb argument; the verbs are {verbs}' },
  'oai.error.verb_repeated': { zh: 'verb 参数只能给出一次', en: 'the verb argument may be given only once' },
  'oai.error.verb_unknown': { zh: '“{verb}”不是 OAI-PMH 的 verb；可用的 verb：{verbs}', en: '“{verb}” is not an OAI-PMH verb; the verbs are {verbs}' },
  'oai.error.argument_unknown': {
    zh: '{verb} 不接受参数“{argument}”；它接受：{allowed}',
    en: '{verb} takes no argument “{argument}”; it takes {allowed}',
  },
  'oai.error.argument_repeated': { zh: '参数 {argument} 给出了不止一次；每个参数只能给出一次', en: 'the argument {argument} is given more than once; give each argument once' },
  'oai.error.argument_missing': { zh: '{verb} 需要参数 {argument}', en: '{verb} needs the argument {argument}' },
  'oai.error.token_exclusive': {
    zh: '带 resumptionToken 时，除 verb 外不能再给出其他参数（列表的条件已在令牌之中）',
    en: 'with resumptionToken, give no argument besides verb (the token already holds the list’s conditions)',
  },
  'oai.error.bad_date': {
    zh: '{argument}“{value}”不是有效的日期；请用 UTC 时间 YYYY-MM-DD 或 YYYY-MM-DDThh:mm:ssZ',
    en: '{argument} “{value}” is not a valid date; use UTC YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ',
  },
  'oai.error.granularity_mismatch': {
    zh: 'from 与 until 的精度必须相同（都到日，或都到秒）',
    en: 'from and until must have the same granularity (both days, or both seconds)',
  },
  'oai.error.from_after_until': { zh: 'from（{from}）晚于 until（{until}）', en: 'from ({from}) is later than until ({until})' },
  'oai.error.bad_prefix': {
    zh: 'metadataPrefix“{value}”不是合法的格式前缀（只能含字母、数字和 -_.!~*\'()）',
    en: 'metadataPrefix “{value}” is not a legal prefix (letters, digits and -_.!~*\'() only)',
  },
  'oai.error.bad_set': {
    zh: 'set“{value}”不是合法的 setSpec（字母、数字和 -_.!~*\'()，以冒号分层）',
    en: 'set “{value}” is not a legal setSpec (letters, digits and -_.!~*\'(), levels separated by colons)',
  },
  'oai.error.bad_identifier': { zh: 'identifier“{value}”不是 URI（不能含空白或控制字符）', en: 'identifier “{value}” is not a URI (no spaces or control characters)' },
  'oai.error.bad_body': {
    zh: 'POST 请求的参数须以 application/x-www-form-urlencoded 编码放在请求体中',
    en: 'a POST request carries its arguments in the body, encoded as application/x-www-form-urlencoded',
  },
  'oai.error.body_too_large': { zh: '请求体超过 {limit}；OAI-PMH 的参数用不了这么多', en: 'the request body is over {limit}; OAI-PMH arguments never need that much' },
  'oai.error.cannot_disseminate': {
    zh: '本档案不提供格式“{prefix}”；可用的格式：{formats}（见 ListMetadataFormats）',
    en: 'this archive does not offer the format “{prefix}”; the formats are {formats} (see ListMetadataFormats)',
  },
  'oai.error.id_does_not_exist': {
    zh: '没有标识符为“{identifier}”的记录；本档案的标识符形如 {example}',
    en: 'no record has the identifier “{identifier}”; this archive’s identifiers look like {example}',
  },
  'oai.error.no_records_match': { zh: '没有符合这些条件的记录', en: 'no record matches these conditions' },
  'oai.error.unknown_set': { zh: '没有名为“{set}”的集合（set）；ListSets 列出全部集合', en: 'there is no set “{set}”; ListSets lists every set' },
  'oai.error.no_set_hierarchy': { zh: '本档案还没有专题，因此没有集合（set）', en: 'this archive has no collections yet, so it has no sets' },
  'oai.error.bad_token': {
    zh: '这个 resumptionToken 无效：已损坏、被改动过，或来自别的档案；请不带令牌重新开始这个列表',
    en: 'this resumptionToken is not valid: damaged, altered or from another archive; start the list again without it',
  },
  'oai.error.token_other_verb': {
    zh: '这个 resumptionToken 属于 {tokenVerb} 列表，不能用于 {verb}',
    en: 'this resumptionToken continues a {tokenVerb} list, not {verb}',
  },
  'oai.error.sets_in_one_page': {
    zh: 'ListSets 一次返回全部集合，从不发放 resumptionToken',
    en: 'ListSets returns every set at once and never issues a resumptionToken',
  },
  'oai.error.method_not_allowed': { zh: 'OAI-PMH 只接受 GET 和 POST 请求', en: 'OAI-PMH accepts GET and POST requests only' },
} as const satisfies MessageTable;

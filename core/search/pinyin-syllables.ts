/**
 * Every toneless Mandarin pinyin syllable (413), generated once from pinyin-pro's readings of
 * U+4E00–U+9FA5 (ü written as u, as people type it). Used to split typed pinyin (`yubei` → yu bei).
 */
const SYLLABLES = new Set(
  `
  a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang
  cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan
  chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia
  dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo
  fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han
  hang hao he hei hen heng hng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao
  jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai
  kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo
  long lou lu luan lue lun luo m ma mai man mang mao me mei men meng mi mian miao mie min ming miu
  mo mou mu n na nai nan nang nao ne nei nen neng ng ni nian niang niao nie nin ning niu nong nou
  nu nuan nue nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia
  qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru
  rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng
  shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan
  tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen
  weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi
  yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao
  zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan
  zui zun zuo
`.split(/\s+/).filter(Boolean),
);

const LONGEST_SYLLABLE = 6;

/** True for one toneless pinyin syllable (`tang`, `qi`), as typed. */
export function isPinyinSyllable(word: string): boolean {
  return SYLLABLES.has(word);
}

/**
 * `word` cut into pinyin syllables, preferring fewer, longer syllables (xian stays xian, not
 * xi an); undefined when it is not pinyin or is a single syllable.
 */
export function splitPinyin(word: string): string[] | undefined {
  // best[i]: the fewest syllables covering word[0, i).
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - LONGEST_SYLLABLE); start < end; start++) {
      const head = best[start];
      const syllable = word.slice(start, end);
      if (head && SYLLABLES.has(syllable) && (!best[end] || best[end]!.length > head.length + 1)) best[end] = [...head, syllable];
    }
  }
  const syllables = best[word.length];
  return syllables && syllables.length > 1 ? syllables : undefined;
}

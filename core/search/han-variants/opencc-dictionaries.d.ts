/** opencc-js ships its dictionaries as modules whose default export is the dictionary text (`from to|…`), untyped. */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}

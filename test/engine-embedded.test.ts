import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { cursorContract } from './contract/cursor-contract.ts';
import { discoveryContract } from './contract/discovery-contract.ts';
import { visibilityContract } from './contract/visibility-contract.ts';
import { engineContract } from './contract/engine-contract.ts';
import { searchClassesContract } from './contract/search-classes-contract.ts';

const embedded = async (_t: unknown, catalog: ConstructorParameters<typeof EmbeddedEngine>[0]) => new EmbeddedEngine(catalog);
engineContract('embedded', embedded);
discoveryContract('embedded', embedded);
visibilityContract('embedded', embedded);
searchClassesContract('embedded', embedded);
cursorContract('embedded', embedded);
// Every text past a full-rank limit of 0 is ranked title first (title-first.ts): walks must still reach every match once.
cursorContract('embedded, texts ranked title first', async (_t, catalog) => new EmbeddedEngine(catalog, { fullRankLimit: 0 }));
// Terms in two records or more get posting lists (term-postings.ts): texts are matched from them wherever they can be.
const withPostings = async (_t: unknown, catalog: ConstructorParameters<typeof EmbeddedEngine>[0]) => new EmbeddedEngine(catalog, { postings: { above: 2 } });
engineContract('embedded, matched from posting lists', withPostings);
searchClassesContract('embedded, matched from posting lists', withPostings);
visibilityContract('embedded, matched from posting lists', withPostings);

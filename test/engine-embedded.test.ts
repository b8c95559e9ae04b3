import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { engineContract } from './contract/engine-contract.ts';

engineContract('embedded', async (_t, catalog) => new EmbeddedEngine(catalog));

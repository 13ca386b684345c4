/**
 * The benchmark's sections, in run order. A section may read the results of those before it
 * (the floor and the comparison sections divide by the analysis figures).
 *
 * To add a measurement: write a module exporting a `Section` (see ../runner.ts) and add it to this list.
 */
import type { Section } from '../runner';
import { analysisSection } from './analysis';
import { cliSection } from './cli';
import { cliLargeSection } from './cliLarge';
import { floorSection } from './floor';
import { lspMemorySection, lspSection } from './lsp';
import { lspStartupSection } from './lspStartup';
import { othersSection } from './others';
import { startupSection } from './startup';

export const SECTIONS: readonly Section[] = [
  startupSection,
  cliLargeSection,
  lspStartupSection,
  analysisSection,
  floorSection,
  othersSection,
  lspSection,
  lspMemorySection,
  cliSection,
];

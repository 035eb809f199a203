export type { MacroEnv } from './env.js'
export { checkPageSize } from './page-limit.js'
export { runMacros } from './run.js'
export { quoteValue, scanMacro, typeBare } from './scan.js'
export { macroPlugin } from './syntax.js'
export type {
  ImageLookup,
  ImageVariantRef,
  MacroCall,
  MacroInput,
  MacroOptions,
  MacroOutput,
  MacroParams,
  MacroRunner,
  MacroSite,
  MacroTag,
  MacroValue,
  MediaItem,
} from './types.js'

export { type CheckedCall, checkParams, convertValue, type ParamCheck } from './check-params.js'
export {
  defaultText,
  type MacroDeclaration,
  type MacroParam,
  PARAM_TYPES,
  type ParamType,
} from './declare.js'
export { exampleParams, liquidCall, markdownCall, paramSummary } from './describe.js'
export type { MacroEnv } from './env.js'
export { checkPageSize } from './page-limit.js'
export { runMacros, unknownMacro } from './run.js'
export { quoteValue, scanMacro, typeBare } from './scan.js'
export { type PlaceholderBody, renderPlaceholders, spliceOutputs } from './splice.js'
export { macroPlugin } from './syntax.js'
export type {
  ImageLookup,
  ImageVariantRef,
  MacroCacheKeys,
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

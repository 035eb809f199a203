// The adapter from macros to the Python runtime: a MacroRunner for the site's enabled macro
// scripts, the step that starts and stops the pool in a build, and the data scripts see.

export {
  defaultText,
  type MacroParam,
  paramSummary,
} from '../index.js'
export { MACROS_FORMAT, type MacroInfo, macroCatalogue } from './catalogue.js'
export type { CheckStore } from './checks.js'
export { DATA_READ, dataReads } from './data-reads.js'
export { declarationOf, type PythonDeclaration } from './declared.js'
export { hostFor, pythonOptions, type SessionHosts, sessionHosts } from './hosts.js'
export { moduleName, utilityKey, utilityModules } from './modules.js'
export { capturedText, createPythonMacroRunner, MAX_MACRO_HTML } from './runner.js'
export { publicPost, siteDataOf, siteFor } from './site-data.js'
export { type PythonStep, preparePython, type RecordChecks } from './step.js'

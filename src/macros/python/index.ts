// The adapter from macros to the Python runtime: a MacroRunner for the site's enabled macro
// scripts, the step that starts and stops the pool in a build, and the data scripts see.
export { dataReadKey, dataReads } from './data-reads.js'
export { hostFor, pythonOptions, type SessionHosts, sessionHosts } from './hosts.js'
export { capturedText, createPythonMacroRunner, MAX_MACRO_HTML } from './runner.js'
export { publicPost, siteDataOf, siteFor } from './site-data.js'
export { type PythonStep, preparePython } from './step.js'

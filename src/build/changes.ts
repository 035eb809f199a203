// SiteChanges: what changed since the last build, as a watcher saw it. A full build is the
// pipeline run with everything changed and no previous state.

export interface SiteChanges {
  /** bds.config.json or meta/project.json: everything is rebuilt. */
  config: boolean
  /** Files and folders under posts/ and pages/, relative to the site root. */
  content: string[]
  templates: boolean
  scripts: boolean
  media: boolean
  static: boolean
  /** A file under data/. */
  data: boolean
}

/** No change at all; spread it and set what changed. */
export function emptyChanges(): SiteChanges {
  return {
    config: false,
    content: [],
    templates: false,
    scripts: false,
    media: false,
    static: false,
    data: false,
  }
}

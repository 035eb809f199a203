// The browser side of live reload, served at CLIENT_PATH and added to every HTML page that
// `bds watch` serves (never to the files on disk). It listens to the event stream and
//  - reloads the page when its own output file changed, or a file that is neither HTML, CSS
//    nor a feed (an image or script it may use),
//  - swaps the changed stylesheets it links without reloading when only CSS changed,
//  - shows the errors of the last rebuild in an overlay, and hides it after a good rebuild;
//    misspelt macro names alone (warnings) get a panel at the bottom that can be closed,
//  - reconnects when the server goes away, and reloads when a restarted server answers.

export const CLIENT_JS = `(() => {
  'use strict'
  const me = document.currentScript
  const file = me ? me.dataset.file : ''
  const wanted = me ? me.dataset.wanted : ''
  let server = null
  let source = null

  const pathOf = (href) => decodeURIComponent(new URL(href, location.href).pathname.slice(1))

  function swapStyles(css) {
    for (const link of document.querySelectorAll('link[rel~="stylesheet"][href]')) {
      if (!css.includes(pathOf(link.href))) continue
      const next = link.cloneNode()
      const url = new URL(link.href, location.href)
      url.searchParams.set('bds', String(Date.now()))
      next.href = url.href
      next.addEventListener('load', () => link.remove())
      next.addEventListener('error', () => link.remove())
      link.after(next)
    }
  }

  function onReload(changed) {
    const css = changed.filter((p) => p.endsWith('.css'))
    const concerns = changed.some(
      (p) => p === file || p === wanted || !/\\.(html|css|xml)$/.test(p),
    )
    if (concerns) location.reload()
    else if (css.length > 0) swapStyles(css)
  }

  function showOverlay(errors) {
    let host = document.getElementById('bds-overlay')
    if (errors.length === 0) {
      if (host) host.remove()
      return
    }
    const failed = errors.some((e) => !e.warning)
    if (!host) {
      host = document.createElement('div')
      host.id = 'bds-overlay'
      document.documentElement.append(host)
    }
    host.setAttribute('role', failed ? 'alertdialog' : 'status')
    host.setAttribute('aria-label', failed ? 'bds build error' : 'bds build warning')
    host.style.cssText =
      (failed ? 'inset:0;' : 'left:0;right:0;bottom:0;max-height:40vh;') +
      'position:fixed;z-index:2147483647;overflow:auto;padding:2rem;' +
      'background:rgba(20,20,24,.94);color:#f5f5f5;font:14px/1.5 ui-monospace,monospace'
    host.replaceChildren()
    const title = document.createElement('h2')
    title.textContent = failed
      ? 'bds: the last rebuild failed — showing the last good page'
      : 'bds: a macro or parameter name looks misspelt'
    title.style.cssText =
      'margin:0 0 1rem;font:600 16px system-ui,sans-serif;color:' + (failed ? '#ff8a80' : '#ffd180')
    host.append(title)
    if (!failed) {
      const close = document.createElement('button')
      close.textContent = 'Close'
      close.addEventListener('click', () => host.remove())
      host.append(close)
    }
    for (const e of errors) {
      const block = document.createElement('pre')
      block.className = 'bds-error'
      block.style.cssText = 'white-space:pre-wrap;margin:0 0 1.5rem;padding:1rem;background:#000'
      block.textContent = [
        e.code + ': ' + e.message,
        e.at ? '  --> ' + e.at : '',
        e.frame || '',
        'hint: ' + e.hint,
      ].filter(Boolean).join('\\n')
      host.append(block)
    }
  }

  function connect() {
    source = new EventSource('/__bds/events')
    source.addEventListener('hello', (event) => {
      const { id } = JSON.parse(event.data)
      if (server !== null && server !== id) location.reload()
      server = id
      document.documentElement.dataset.bdsLive = 'connected'
    })
    source.addEventListener('reload', (event) => onReload(JSON.parse(event.data).changed))
    source.addEventListener('overlay', (event) => showOverlay(JSON.parse(event.data).errors))
    source.addEventListener('error', () => {
      // The browser retries by itself unless the stream was closed for good.
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 1000)
    })
  }
  connect()
})()
`

// bds search page: Pagefind's UI on #search, over the index in its data-bundle folder; the
// query comes from ?q= (the header's search box) and stays in the address as you type. A big
// site's index comes in parts: data-parts lists the other bundles, merged into each search.
;(() => {
  const box = document.getElementById('search')
  if (!box || !window.PagefindUI) return
  const parts = (box.getAttribute('data-parts') || '').split(' ').filter(Boolean)
  const ui = new window.PagefindUI({
    element: box,
    bundlePath: box.getAttribute('data-bundle'),
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    ...(parts.length ? { mergeIndex: parts.map((bundlePath) => ({ bundlePath })) } : {}),
  })
  const query = new URLSearchParams(location.search).get('q')
  if (query) ui.triggerSearch(query)
  box.addEventListener('input', (e) => {
    const url = new URL(location.href)
    url.searchParams.set('q', e.target.value)
    history.replaceState(null, '', url)
  })
})()

// bds search page: Pagefind's UI on #search, over the index in its data-bundle folder; the
// query comes from ?q= (the header's search box) and stays in the address as you type.
;(() => {
  const box = document.getElementById('search')
  if (!box || !window.PagefindUI) return
  const ui = new window.PagefindUI({
    element: box,
    bundlePath: box.getAttribute('data-bundle'),
    showSubResults: true,
    showImages: false,
    resetStyles: false,
  })
  const query = new URLSearchParams(location.search).get('q')
  if (query) ui.triggerSearch(query)
  box.addEventListener('input', (e) => {
    const url = new URL(location.href)
    url.searchParams.set('q', e.target.value)
    history.replaceState(null, '', url)
  })
})()

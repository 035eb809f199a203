// bds lightbox: a click on a[data-lightbox] (bDS gallery and photo archive links) shows the
// image in a modal dialog; Esc closes, the arrow keys move within its data-lightbox group.
;(() => {
  let box, img, caption, prev, next, close, items, index, opener
  const make = (tag, props, attrs = {}) => {
    const el = Object.assign(document.createElement(tag), props)
    for (const name of Object.keys(attrs)) el.setAttribute(name, attrs[name])
    return el
  }
  const button = (name, label, text) => {
    const props = { type: 'button', className: `bds-lightbox-${name}`, textContent: text }
    return make('button', props, { 'aria-label': label })
  }
  const build = () => {
    const dialog = { role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Image viewer' }
    box = make('div', { className: 'bds-lightbox', hidden: true }, dialog)
    const figure = make('figure', {})
    img = make('img', {})
    caption = make('figcaption', {})
    figure.append(img, caption)
    prev = button('prev', 'Previous image', '\u2039')
    next = button('next', 'Next image', '\u203a')
    close = button('close', 'Close', '\u00d7')
    box.append(figure, prev, next, close)
    prev.addEventListener('click', () => show(index - 1))
    next.addEventListener('click', () => show(index + 1))
    close.addEventListener('click', hide)
    box.addEventListener('click', (e) => e.target === box && hide())
    document.body.append(box)
  }
  const show = (i) => {
    index = (i + items.length) % items.length
    const link = items[index]
    const thumb = link.querySelector('img')
    img.src = link.href
    img.alt = thumb ? thumb.alt : ''
    const count = items.length > 1 ? `${index + 1} / ${items.length}` : ''
    caption.textContent = [link.getAttribute('data-title'), count].filter(Boolean).join(' \u00b7 ')
  }
  const open = (link) => {
    const group = link.getAttribute('data-lightbox')
    const all = Array.from(document.querySelectorAll('a[data-lightbox][href]'))
    const links = all.filter((a) => a.getAttribute('data-lightbox') === group)
    items = links.filter((a, i) => links.findIndex((b) => b.href === a.href) === i) // no repeats
    if (!box) build()
    opener = link
    prev.hidden = next.hidden = items.length < 2
    show(items.findIndex((a) => a.href === link.href))
    box.hidden = false
    document.documentElement.classList.add('bds-lightbox-open')
    close.focus()
  }
  const hide = () => {
    box.hidden = true
    img.removeAttribute('src')
    document.documentElement.classList.remove('bds-lightbox-open')
    if (opener) opener.focus()
  }
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    const link = e.target instanceof Element && e.target.closest('a[data-lightbox][href]')
    if (!link) return
    e.preventDefault()
    open(link)
  })
  // Esc closes, arrows move, Tab cycles through the dialog's buttons (a basic focus trap).
  document.addEventListener('keydown', (e) => {
    if (!box || box.hidden) return
    const buttons = [prev, next, close].filter((b) => !b.hidden)
    const [first, last] = [buttons[0], buttons[buttons.length - 1]]
    const active = document.activeElement
    if (e.key === 'Escape') hide()
    else if (e.key === 'ArrowLeft' && items.length > 1) show(index - 1)
    else if (e.key === 'ArrowRight' && items.length > 1) show(index + 1)
    else if (e.key === 'Tab' && (active === (e.shiftKey ? first : last) || !box.contains(active)))
      (e.shiftKey ? last : first).focus()
    else return
    e.preventDefault()
  })
})()

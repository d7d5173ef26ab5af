// Citation dialog for report paragraphs: builds a GB/T 7714-2015 reference (and an English one)
// from the article's data attributes, the paragraph's section and the address the reader is on.

const article = document.querySelector<HTMLElement>('article.report');
const dialog = document.querySelector<HTMLDialogElement>('dialog.cite-dialog');

function sectionOf(para: Element): string {
  let node: Element | null = para.previousElementSibling ?? para.parentElement;
  while (node && node !== article) {
    if (/^H[2-6]$/.test(node.tagName) && node.classList.contains('sec-h')) return node.textContent?.replace(/#$/, '').trim() ?? '';
    node = node.previousElementSibling ?? node.parentElement;
  }
  return '';
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

if (article && dialog) {
  const a = article.dataset;
  for (const button of article.querySelectorAll<HTMLButtonElement>('button.cite')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const para = document.getElementById(button.dataset.cite ?? '');
      if (!para) return;
      const url = `${location.origin}${location.pathname}#${para.id}`;
      const section = sectionOf(para);
      const titled = section ? `${a.citeTitle}: ${section}` : a.citeTitle;
      const pub = a.citeSource ? `${a.citeSource}, ` : '';
      const date = a.citeDate ? `(${a.citeDate})` : '';
      const gbt = `${a.citeAuthor}. ${titled}[EB/OL]. ${pub}${date}[${today()}]. ${url}.`;
      const en = `${a.citeAuthor}. (${a.citeDate || 'n.d.'}). ${titled} [${a.citeJurisdiction}]. ${a.citeSource ? a.citeSource + '. ' : ''}Retrieved ${today()}, from ${url}`;
      dialog.querySelector('[data-format="gbt"]')!.textContent = gbt;
      dialog.querySelector('[data-format="en"]')!.textContent = en;
      dialog.querySelector('.cite-status')!.textContent = '';
      dialog.showModal();
    });
  }
  for (const copy of dialog.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    copy.addEventListener('click', async () => {
      const text = dialog.querySelector(`[data-format="${copy.dataset.copy}"]`)?.textContent ?? '';
      const status = dialog.querySelector('.cite-status')!;
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = '已复制到剪贴板。';
      } catch {
        status.textContent = '无法自动复制,请选中文字后手动复制。';
      }
    });
  }
}

// The table of contents starts folded so that phones reach the text first; wide screens show it open.
const toc = document.querySelector<HTMLDetailsElement>('details.toc-details');
if (toc && window.matchMedia('(min-width: 62rem)').matches) toc.open = true;

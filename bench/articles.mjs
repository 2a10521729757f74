// The benchmark's generated articles: every block type, 12 related cards (as many as the widget shows).
const KINDS = ['paragraph', 'paragraph', 'paragraph', 'heading', 'paragraph', 'list', 'paragraph', 'quote', 'image', 'readAlso'];
export function article(blocks, variant) {
  const body = Array.from({ length: blocks }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const n = `${variant}${i}`;
    switch (kind) {
      case 'paragraph': return { type: 'paragraph', text: `Paragraph ${n} with **strong words**, some *emphasis* and [a link](https://example.org/${n}) in running text about the harbour.` };
      case 'heading': return { type: 'heading', text: `Heading ${n}`, level: 2 + (i % 3) };
      case 'list': return { type: 'list', items: [`First point ${n}`, `Second *point* ${n}`, `Third point ${n}`], ordered: i % 2 === 0 };
      case 'quote': return { type: 'quote', text: `A quotation ${n} from someone on the quay.`, cite: `Speaker ${n}` };
      case 'image': return { type: 'image', src: '/images/thumb-2.svg', alt: `Picture ${n}`, caption: `Caption ${n}`, credit: 'Illustration', width: 320, height: 180 };
      default: return { type: 'readAlso', title: `Another story ${n}`, url: `https://example.org/story/${n}`, premium: i % 3 === 0 };
    }
  });
  const related = Array.from({ length: 12 }, (_, i) => ({
    id: `related-${variant}-${i}`, title: `Related story ${variant} ${i}`, url: `https://example.org/related/${i}`,
    image: `/images/thumb-${(i % 5) + 1}.svg`, section: 'Local', published: '2026-11-20T08:00:00Z', premium: i % 4 === 0,
  }));
  return JSON.stringify({
    id: `bench-${blocks}-${variant}`, lang: 'en', section: 'Local', title: `Benchmark article with ${blocks} blocks (${variant})`,
    lede: 'A **generated** article for the benchmark.', published: '2026-11-21T06:10:00+00:00',
    authors: [{ name: 'Bench Writer', url: 'https://example.org/staff' }],
    image: { src: '/images/night-ferry.svg', alt: 'A ferry', width: 1200, height: 800, caption: 'Hero', credit: 'Illustration' },
    aiDisclosure: { text: 'Generated for the benchmark.' }, body, related,
  });
}

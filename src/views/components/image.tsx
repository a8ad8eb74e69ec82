// A responsive image: a <picture> with a source per modern format (AVIF, then WebP), each with
// srcset over widths and the same sizes, and the original as the <img> every browser can show;
// intrinsic size to avoid layout shift.
import type { ImageProps } from '../props.js';

export function Picture({ image, loading = 'lazy' }: { image: ImageProps; loading?: 'lazy' | 'eager' }) {
  const img = (
    <img
      src={image.src}
      srcset={image.srcset}
      // sizes belongs with a srcset (an <img> with only a src is one candidate).
      sizes={image.srcset ? image.sizes : undefined}
      alt={image.alt}
      width={image.width ?? undefined}
      height={image.height ?? undefined}
      loading={loading}
      decoding="async"
    />
  );
  if (!image.sources?.length) return img;
  return (
    <picture>
      {image.sources.map((s) => (
        <source key={s.type} type={s.type} srcset={s.srcset} sizes={image.sizes} />
      ))}
      {img}
    </picture>
  );
}

// A responsive image: srcset/sizes when variants exist, intrinsic size to avoid layout shift.
import type { ImageProps } from '../props.js';

export function Picture({ image, loading = 'lazy' }: { image: ImageProps; loading?: 'lazy' | 'eager' }) {
  return (
    <img
      src={image.src}
      srcset={image.srcset}
      sizes={image.sizes}
      alt={image.alt}
      width={image.width ?? undefined}
      height={image.height ?? undefined}
      loading={loading}
      decoding="async"
    />
  );
}

// Page props: plain data prepared by web/, never domain objects.
import type { Translate } from '../i18n/index.js';

export interface EditionLink {
  code: string;
  nativeName: string;
  href: string;
  current: boolean;
}

export interface Chrome {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  description?: string | undefined;
  canonical?: string | undefined;
  t: Translate;
  homeHref: string;
  cssHref: string;
  editions: EditionLink[];
}

export interface ArticleCardProps {
  id: number;
  href: string;
  headline: string;
  dek: string;
  datetime: string;
  dateText: string;
  section?: string | undefined;
}

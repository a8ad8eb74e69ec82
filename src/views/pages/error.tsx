// A localized error page in the edition's language and direction, with a way back into the site.
import { Base } from '../layouts/base.js';
import type { ArticleCardProps, Chrome } from '../props.js';

export function ErrorPage({ chrome, heading, message, suggestions = [] }: { chrome: Chrome; heading: string; message: string; suggestions?: ArticleCardProps[] }) {
  return (
    <Base chrome={chrome}>
      <div class="error-page">
        <h1>{heading}</h1>
        <p>{message}</p>
        {suggestions.length ? (
          <>
            <p>{chrome.t('error.suggestions')}</p>
            <ul>
              {suggestions.map((a) => (
                <li key={a.id}>
                  <a href={a.href}>{a.headline}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <a href={chrome.homeHref}>{chrome.t('error.back_home')}</a>
        </p>
      </div>
    </Base>
  );
}

// A localized error page in the edition's language and direction.
import { Base } from '../layouts/base.js';
import type { Chrome } from '../props.js';

export function ErrorPage({ chrome, heading, message }: { chrome: Chrome; heading: string; message: string }) {
  return (
    <Base chrome={chrome}>
      <div class="error-page">
        <h1>{heading}</h1>
        <p>{message}</p>
        <p>
          <a href={chrome.homeHref}>{chrome.t('error.back_home')}</a>
        </p>
      </div>
    </Base>
  );
}

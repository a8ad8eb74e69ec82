// The newsroom's frame for now: a heading and one paragraph (the sign-in placeholder and the empty
// shell). The newsroom's real pages replace it in a later issue.
import { Base } from '../layouts/base.js';
import type { Chrome } from '../props.js';

export function AdminShell({ chrome, heading, message }: { chrome: Chrome; heading: string; message: string }) {
  return (
    <Base chrome={chrome}>
      <div class="admin-shell">
        <h1>{heading}</h1>
        <p>{message}</p>
      </div>
    </Base>
  );
}

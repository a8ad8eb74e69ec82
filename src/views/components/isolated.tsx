// A translated sentence with a name in it (By {name}, Photo: {credit}), the name wrapped in <bdi>:
// a Latin byline in a Persian page, or a Persian credit in an English one, is laid out on its own
// and cannot reorder the words of the sentence around it.
import type { Translate, MessageKey } from '../../i18n/index.js';

// A private-use character no catalog or stored text contains, split out after translation.
const SLOT = '\uE000';

export function Isolated(props: { t: Translate; message: MessageKey; param: string; value: string }) {
  const [before = '', ...rest] = props.t(props.message, { [props.param]: SLOT }).split(SLOT);
  return (
    <>
      {before}
      <bdi>{props.value}</bdi>
      {rest.join(props.value)}
    </>
  );
}

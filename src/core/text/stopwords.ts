// Function words per language, dropped before matching: they say nothing about what an article
// is about. Short lists on purpose (a few hundred words at most): a longer list starts dropping
// words that do carry meaning in news (said, one, new).
import { ANY_ARABIC_SCRIPT, ruleLanguage } from './language.js';
import { foldForMatch } from './normalize.js';

const LISTS: Readonly<Record<string, string>> = {
  en: `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing dont down during each few for from further had has have having he her
here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our
ours out over own same she should so some such than that the their theirs them then there these they this those through to
too under until up very was we were what when where which while who whom why will with would you your yours said says say
told according mr mrs ms per via since yet however among within without upon whether amid thats one two three`,

  fr: `le la les un une des du de et ou mais donc ni car que qui quoi dont où ce cet cette ces ça cela ceci il elle ils
elles on nous vous je tu me te se lui leur leurs y en ne pas plus moins au aux à est sont été être avoir ont avait
avaient sera seront était étaient fait son sa ses mon ma mes ton ta tes notre nos votre vos dans par pour sur avec sans
sous entre vers chez comme si aussi très tout tous toute toutes même déjà encore selon après avant depuis pendant lors
alors ainsi peut doit dit contre quand comment cependant ceux celle celles celui deux trois`,

  es: `el la los las lo un una unos unas de del al y e o u ni que quien quienes cual cuales como cuando donde en por
para con sin sobre entre hasta desde hacia según ante tras contra es son fue fueron ser era eran sido está están estaba
ha han había habían haber hay se su sus le les me te nos mi mis tu tus este esta estos estas ese esa esos esas aquel
aquella eso esto muy más menos ya también pero sino porque si no todo todos toda todas otro otra otros otras dijo
durante mientras cada tan sólo solo así dos tres`,

  fa: `از به با در که این آن را و یا هم نیز برای تا بر است بود شد شده می نمی های ها کرد کرده کند کنند
شود میشود نمیشود دارد داشت داشته خود اما اگر چه چون همه هر یک ما من او آنها ایشان وی گفت گفته گفتند پس پیش بین روی بدون
نه باید نیست هست بودند شدند کردند خواهد خواهند دیگر همین همان چنین چند طی توسط درباره حتی ولی زیرا سپس اکنون امروز دیروز
شده‌اند کرده‌اند ای اند ایم بوده میکند میکنند میگوید گفته‌است هنوز البته کنیم کردن شدن`,

  ar: `في من الى إلى على عن مع ان أن إن كان كانت قد لا ما لم لن هذا هذه ذلك تلك التي الذي الذين هو هي هم و او أو
ثم بعد قبل حيث عند كل بين خلال حتى اذا إذا لكن منذ غير ايضا أيضا قال قالت وقال وقالت يكون تم الا إلا اليوم امس أمس وفي ولا وهو وهي
فيه فيها به بها له لها عليه عليها التى اي أي كما وقد فقد لقد يوم ضمن نحو وذلك واضاف وأضاف اضاف أضاف واوضح وأوضح`,

  ur: `کے کا کی میں ہے ہیں اور سے کو نے پر یہ وہ تھا تھی تھے ہو ہوا ہوئی ہوئے ہوں گیا گئی گئے کر کیا کرتے کرنے
کرتا کرتی ایک بھی تو جو کہ اس ان انہوں نہیں ہی لیے لئے ساتھ بعد پہلے کچھ اپنے اپنی اپنا تک رہا رہی رہے سکتا سکتی سکتے
جا جائے جاتا جاتی جاتے والے والی والا دیا دی گا گی گے یا اگر لیکن مگر جب تب کیونکہ کہا بتایا ہم آپ تم وہاں یہاں`,
};

function foldedSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map((w) => foldForMatch(w).replace(/'/g, '')));
}

const SETS = new Map<string, ReadonlySet<string>>(Object.entries(LISTS).map(([lang, list]) => [lang, foldedSet(list)]));
SETS.set(ANY_ARABIC_SCRIPT, new Set(['fa', 'ar', 'ur'].flatMap((lang) => [...(SETS.get(lang) ?? [])])));

const NONE: ReadonlySet<string> = new Set();

/** The folded stopwords of a rule language (see ruleLanguage); empty for a language without a list. */
export function stopwordsOf(ruleLang: string): ReadonlySet<string> {
  return SETS.get(ruleLang) ?? NONE;
}

/**
 * True when `token` is a function word in `lang` (a language tag), or, for a word in another
 * script, in that script's default language (English for Latin, any for Arabic script).
 * The token may be unfolded: THE, الذي and الذى are all stopwords.
 */
export function isStopword(token: string, lang: string): boolean {
  const folded = foldForMatch(token).replace(/'/g, '');
  return stopwordsOf(ruleLanguage(folded, lang)).has(folded);
}

/**
 * Demo content for `dateline demo` (seeded into a fresh installation).
 *
 * Everything in this file is ORIGINAL and FICTIONAL: the "Dateline Demo
 * Agency", its reporters, the officials quoted and the events described are
 * invented for demonstration purposes. Real cities appear only as places;
 * no story reports a real event or quotes a real person.
 *
 * Stories are arranged in topical clusters (river restoration in Isfahan,
 * saffron harvest, a club football cup, a science museum in Shiraz, a heatwave
 * in Basra, a new metro line in Tabriz) so that related-article algorithms
 * have shared vocabulary, tags and entities to work with. The English
 * articles about Isfahan deliberately use the spellings "Isfahan", "Esfahan"
 * and "Ispahan" to exercise entity alias matching.
 */

export type Lang = 'en' | 'fa' | 'ar';

export interface DemoEdition {
  code: Lang;
  nativeName: string;
  englishName: string;
  direction: 'ltr' | 'rtl';
  locale: string;
  calendar: string;
  numbering: string;
  isDefault: boolean;
}

export interface DemoSection {
  key: string;
  names: Record<Lang, string>;
  slugs: Record<Lang, string>;
}

export interface DemoTag {
  key: string;
  names: Record<Lang, string>;
  slugs: Record<Lang, string>;
}

export interface DemoEntity {
  key: string;
  kind: 'person' | 'place' | 'organisation';
  names: Record<Lang, { name: string; aliases: string[] }>;
}

/** A paragraph of plain text, a subheading, or an attributed quote. */
export type DemoBlock =
  | string
  | { heading: string }
  | { quote: string; by: string };

export interface DemoVersion {
  headline: string;
  dek: string;
  dateline: string;
  byline: string;
  body: DemoBlock[];
}

export interface DemoStory {
  key: string;
  /** DemoSection.key */
  section: string;
  /** DemoTag.key values */
  tags: string[];
  /** DemoEntity.key values */
  entities: string[];
  /** Publication time relative to seeding, 1..720, distinct per story. */
  hoursAgo: number;
  /** Only set when the story should use the cartoon image. */
  featured?: 'cartoon';
  versions: Partial<Record<Lang, DemoVersion>>;
}

export interface DemoSidebar {
  cartoon: { title: string; alt: string; caption: string };
  statement: { quote: string; by: string };
  banner: { title: string; text: string; linkPath: string; startsInDays: number; endsInDays: number };
}

export const agencyCredit: Record<Lang, string> = {
  en: 'Dateline Demo Agency',
  fa: 'خبرگزاری نمونهٔ دیت‌لاین',
  ar: 'وكالة ديتلاين التجريبية',
};

export const editions: DemoEdition[] = [
  { code: 'en', nativeName: 'English', englishName: 'English', direction: 'ltr', locale: 'en-GB', calendar: 'gregory', numbering: 'latn', isDefault: true },
  { code: 'fa', nativeName: 'فارسی', englishName: 'Persian', direction: 'rtl', locale: 'fa-IR', calendar: 'persian', numbering: 'arabext', isDefault: false },
  { code: 'ar', nativeName: 'العربية', englishName: 'Arabic', direction: 'rtl', locale: 'ar-EG', calendar: 'gregory', numbering: 'arab', isDefault: false },
];

export const sections: DemoSection[] = [
  { key: 'region', names: { en: 'Region', fa: 'منطقه', ar: 'المنطقة' }, slugs: { en: 'region', fa: 'منطقه', ar: 'المنطقة' } },
  { key: 'economy', names: { en: 'Economy', fa: 'اقتصاد', ar: 'اقتصاد' }, slugs: { en: 'economy', fa: 'اقتصاد', ar: 'اقتصاد' } },
  { key: 'culture', names: { en: 'Culture', fa: 'فرهنگ', ar: 'ثقافة' }, slugs: { en: 'culture', fa: 'فرهنگ', ar: 'ثقافة' } },
  { key: 'science', names: { en: 'Science', fa: 'علم و فناوری', ar: 'علوم وتكنولوجيا' }, slugs: { en: 'science', fa: 'علم-و-فناوری', ar: 'علوم-وتكنولوجيا' } },
  { key: 'sport', names: { en: 'Sport', fa: 'ورزش', ar: 'رياضة' }, slugs: { en: 'sport', fa: 'ورزش', ar: 'رياضة' } },
  { key: 'environment', names: { en: 'Environment', fa: 'محیط زیست', ar: 'البيئة' }, slugs: { en: 'environment', fa: 'محیط-زیست', ar: 'البيئة' } },
];

export const tags: DemoTag[] = [
  { key: 'river-restoration', names: { en: 'River restoration', fa: 'احیای رودخانه', ar: 'إحياء الأنهار' }, slugs: { en: 'river-restoration', fa: 'احیای-رودخانه', ar: 'إحياء-الأنهار' } },
  { key: 'water-saving', names: { en: 'Water saving', fa: 'صرفه‌جویی آب', ar: 'ترشيد المياه' }, slugs: { en: 'water-saving', fa: 'صرفه-جویی-آب', ar: 'ترشيد-المياه' } },
  { key: 'saffron', names: { en: 'Saffron', fa: 'زعفران', ar: 'الزعفران' }, slugs: { en: 'saffron', fa: 'زعفران', ar: 'الزعفران' } },
  { key: 'agriculture', names: { en: 'Agriculture', fa: 'کشاورزی', ar: 'الزراعة' }, slugs: { en: 'agriculture', fa: 'کشاورزی', ar: 'الزراعة' } },
  { key: 'markets', names: { en: 'Markets', fa: 'بازار', ar: 'الأسواق' }, slugs: { en: 'markets', fa: 'بازار', ar: 'الأسواق' } },
  { key: 'football', names: { en: 'Football', fa: 'فوتبال', ar: 'كرة القدم' }, slugs: { en: 'football', fa: 'فوتبال', ar: 'كرة-القدم' } },
  { key: 'museums', names: { en: 'Museums', fa: 'موزه‌ها', ar: 'المتاحف' }, slugs: { en: 'museums', fa: 'موزه-ها', ar: 'المتاحف' } },
  { key: 'heritage', names: { en: 'Heritage', fa: 'میراث فرهنگی', ar: 'التراث' }, slugs: { en: 'heritage', fa: 'میراث-فرهنگی', ar: 'التراث' } },
  { key: 'heatwave', names: { en: 'Heatwave', fa: 'موج گرما', ar: 'موجة الحر' }, slugs: { en: 'heatwave', fa: 'موج-گرما', ar: 'موجة-الحر' } },
  { key: 'public-transport', names: { en: 'Public transport', fa: 'حمل‌ونقل عمومی', ar: 'النقل العام' }, slugs: { en: 'public-transport', fa: 'حمل-و-نقل-عمومی', ar: 'النقل-العام' } },
  { key: 'metro', names: { en: 'Metro', fa: 'مترو', ar: 'المترو' }, slugs: { en: 'metro', fa: 'مترو', ar: 'المترو' } },
  { key: 'tree-planting', names: { en: 'Tree planting', fa: 'درختکاری', ar: 'زراعة الأشجار' }, slugs: { en: 'tree-planting', fa: 'درختکاری', ar: 'زراعة-الأشجار' } },
  { key: 'universities', names: { en: 'Universities', fa: 'دانشگاه‌ها', ar: 'الجامعات' }, slugs: { en: 'universities', fa: 'دانشگاه-ها', ar: 'الجامعات' } },
  { key: 'festivals', names: { en: 'Festivals', fa: 'جشنواره‌ها', ar: 'المهرجانات' }, slugs: { en: 'festivals', fa: 'جشنواره-ها', ar: 'المهرجانات' } },
  { key: 'health', names: { en: 'Health', fa: 'سلامت', ar: 'الصحة' }, slugs: { en: 'health', fa: 'سلامت', ar: 'الصحة' } },
  { key: 'weather', names: { en: 'Weather', fa: 'آب‌وهوا', ar: 'الطقس' }, slugs: { en: 'weather', fa: 'آب-و-هوا', ar: 'الطقس' } },
];

export const entities: DemoEntity[] = [
  // People (all fictional)
  {
    key: 'leyla-baranzadeh',
    kind: 'person',
    names: {
      en: { name: 'Leyla Baranzadeh', aliases: ['Leila Baranzadeh', 'Director Baranzadeh'] },
      fa: { name: 'لیلا بارانزاده', aliases: ['لیلا باران‌زاده', 'خانم بارانزاده'] },
      ar: { name: 'ليلى بارانزاده', aliases: ['ليلى باران زاده', 'المديرة بارانزاده'] },
    },
  },
  {
    key: 'kamran-sadeghpour',
    kind: 'person',
    names: {
      en: { name: 'Kamran Sadeghpour', aliases: ['Kamran Sadeqpour', 'K. Sadeghpour'] },
      fa: { name: 'کامران صادق‌پور', aliases: ['کامران صادق پور', 'صادق‌پور'] },
      ar: { name: 'كامران صادق بور', aliases: ['كامران صادقبور'] },
    },
  },
  {
    key: 'parisa-nourbakhsh',
    kind: 'person',
    names: {
      en: { name: 'Parisa Nourbakhsh', aliases: ['Dr Parisa Nourbakhsh', 'Parisa Nurbakhsh'] },
      fa: { name: 'پریسا نوربخش', aliases: ['دکتر پریسا نوربخش'] },
      ar: { name: 'باريسا نوربخش', aliases: ['الدكتورة باريسا نوربخش', 'بريسا نوربخش'] },
    },
  },
  {
    key: 'soraya-eskandari',
    kind: 'person',
    names: {
      en: { name: 'Soraya Eskandari', aliases: ['Soraya Iskandari', 'S. Eskandari'] },
      fa: { name: 'ثریا اسکندری', aliases: ['مهندس ثریا اسکندری'] },
      ar: { name: 'ثريا إسكندري', aliases: ['ثريا اسكندري', 'المهندسة ثريا إسكندري'] },
    },
  },
  {
    key: 'nadia-al-haddad',
    kind: 'person',
    names: {
      en: { name: 'Nadia Al-Haddad', aliases: ['Nadia al-Haddad', 'Nadia Haddad'] },
      fa: { name: 'نادیا الحداد', aliases: ['نادیا حداد'] },
      ar: { name: 'نادية الحداد', aliases: ['نادية حداد'] },
    },
  },
  {
    key: 'omid-rahnavard',
    kind: 'person',
    names: {
      en: { name: 'Omid Rahnavard', aliases: ['Coach Rahnavard', 'O. Rahnavard'] },
      fa: { name: 'امید رهنورد', aliases: ['سرمربی رهنورد'] },
      ar: { name: 'أميد رهنورد', aliases: ['المدرب رهنورد', 'اميد رهنورد'] },
    },
  },
  // Places
  {
    key: 'isfahan',
    kind: 'place',
    names: {
      en: { name: 'Isfahan', aliases: ['Esfahan', 'Ispahan', 'Isfahān', 'Esfehan'] },
      fa: { name: 'اصفهان', aliases: ['سپاهان', 'اسپهان'] },
      ar: { name: 'أصفهان', aliases: ['اصفهان', 'أصبهان'] },
    },
  },
  {
    key: 'zayandeh-rud',
    kind: 'place',
    names: {
      en: { name: 'Zayandeh Rud', aliases: ['Zayanderud', 'Zayandeh River', 'Zayandehrud'] },
      fa: { name: 'زاینده‌رود', aliases: ['زاینده رود', 'رودخانهٔ زاینده‌رود'] },
      ar: { name: 'نهر زاينده رود', aliases: ['زاينده رود', 'نهر زاينده'] },
    },
  },
  {
    key: 'torbat-e-heydarieh',
    kind: 'place',
    names: {
      en: { name: 'Torbat-e Heydarieh', aliases: ['Torbat Heydarieh', 'Torbat-e Heydariyeh'] },
      fa: { name: 'تربت حیدریه', aliases: ['تربت'] },
      ar: { name: 'تربة حيدرية', aliases: ['تربت حيدريه'] },
    },
  },
  {
    key: 'shiraz',
    kind: 'place',
    names: {
      en: { name: 'Shiraz', aliases: ['Shīrāz'] },
      fa: { name: 'شیراز', aliases: [] },
      ar: { name: 'شيراز', aliases: [] },
    },
  },
  {
    key: 'tabriz',
    kind: 'place',
    names: {
      en: { name: 'Tabriz', aliases: ['Tabrīz', 'Tebriz'] },
      fa: { name: 'تبریز', aliases: [] },
      ar: { name: 'تبريز', aliases: [] },
    },
  },
  {
    key: 'basra',
    kind: 'place',
    names: {
      en: { name: 'Basra', aliases: ['Basrah', 'Al-Basrah'] },
      fa: { name: 'بصره', aliases: [] },
      ar: { name: 'البصرة', aliases: ['بصرة'] },
    },
  },
  // Organisations (all fictional)
  {
    key: 'saffron-cooperative',
    kind: 'organisation',
    names: {
      en: { name: "Khorasan Saffron Growers' Cooperative", aliases: ["Saffron Growers' Cooperative", 'Khorasan Saffron Co-op'] },
      fa: { name: 'تعاونی زعفران‌کاران خراسان', aliases: ['تعاونی زعفران‌کاران'] },
      ar: { name: 'تعاونية مزارعي الزعفران في خراسان', aliases: ['تعاونية الزعفران'] },
    },
  },
  {
    key: 'silk-road-football-union',
    kind: 'organisation',
    names: {
      en: { name: 'Silk Road Football Union', aliases: ['SRFU', 'Silk Road Union'] },
      fa: { name: 'اتحادیهٔ فوتبال جادهٔ ابریشم', aliases: ['اتحادیه فوتبال جاده ابریشم'] },
      ar: { name: 'اتحاد طريق الحرير لكرة القدم', aliases: ['اتحاد طريق الحرير'] },
    },
  },
  {
    key: 'shiraz-science-museum',
    kind: 'organisation',
    names: {
      en: { name: 'Shiraz Museum of Science and Light', aliases: ['Museum of Science and Light', 'Science and Light Museum'] },
      fa: { name: 'موزهٔ علم و نور شیراز', aliases: ['موزه علم و نور'] },
      ar: { name: 'متحف شيراز للعلوم والضوء', aliases: ['متحف العلوم والضوء'] },
    },
  },
  {
    key: 'tabriz-metro',
    kind: 'organisation',
    names: {
      en: { name: 'Tabriz Metro Company', aliases: ['Tabriz Metro', 'TMC'] },
      fa: { name: 'شرکت متروی تبریز', aliases: ['متروی تبریز', 'مترو تبریز'] },
      ar: { name: 'شركة مترو تبريز', aliases: ['مترو تبريز'] },
    },
  },
];

export const sidebar: Record<Lang, DemoSidebar> = {
  en: {
    cartoon: {
      title: 'Cartoon of the day: The Last Sip',
      alt: 'A cartoon city of tower blocks drinks a thin, shrinking river through a long bendy straw while a sweating sun in sunglasses looks on; a worried fish sits in the last puddle and a gauge post in the dry riverbed reads LOW.',
      caption: 'Heatwave season: the city is thirsty and the river is tired. Every litre we save keeps the straw from hitting the bottom.',
    },
    statement: {
      quote: 'A river is a neighbour we all share. Every litre saved upstream is a gift to the town downstream.',
      by: 'Leyla Baranzadeh, Director of the Zayandeh Rud Restoration Authority',
    },
    banner: {
      title: 'Plant a Tree Month',
      text: 'Join neighbours across the region planting shade trees along streets, schoolyards and riverbanks. Saplings and tools are free at participating parks.',
      linkPath: '/en/tag/tree-planting',
      startsInDays: -3,
      endsInDays: 30,
    },
  },
  fa: {
    cartoon: {
      title: 'کاریکاتور روز: آخرین جرعه',
      alt: 'شهری کارتونی از برج‌های بلند با نی درازی از رودخانه‌ای باریک و رو به خشکی آب می‌نوشد و خورشیدی عرق‌کرده با عینک آفتابی تماشا می‌کند؛ ماهی نگرانی در آخرین چالهٔ آب نشسته و روی تیرک اندازه‌گیری آب در بستر خشک رود نوشته شده LOW.',
      caption: 'فصل گرما: شهر تشنه است و رودخانه خسته. هر لیتر آبی که صرفه‌جویی می‌کنیم نمی‌گذارد نی به ته رود برسد.',
    },
    statement: {
      quote: 'رودخانه همسایه‌ای است که همهٔ ما در آن شریکیم. هر لیتر آبی که در بالادست صرفه‌جویی شود، هدیه‌ای است به شهر پایین‌دست.',
      by: 'لیلا بارانزاده، مدیر سازمان احیای زاینده‌رود',
    },
    banner: {
      title: 'ماه درختکاری',
      text: 'همراه همسایه‌های خود در سراسر منطقه در کنار خیابان‌ها، حیاط مدرسه‌ها و کرانهٔ رودخانه‌ها درخت سایه‌دار بکارید. نهال و ابزار در بوستان‌های همکار رایگان است.',
      linkPath: '/fa/tag/درختکاری',
      startsInDays: -3,
      endsInDays: 30,
    },
  },
  ar: {
    cartoon: {
      title: 'كاريكاتير اليوم: الرشفة الأخيرة',
      alt: 'مدينة كرتونية من الأبراج الشاهقة تشرب من نهر نحيل يتقلص عبر قشة طويلة منحنية، بينما تراقبها شمس تتصبب عرقًا وترتدي نظارة شمسية؛ وسمكة قلقة تجلس في آخر بركة ماء، وعلى عمود قياس منسوب المياه في قاع النهر الجاف كلمة LOW.',
      caption: 'موسم الحر: المدينة عطشى والنهر منهك. كل لتر نوفّره يمنع القشة من أن تبلغ القاع.',
    },
    statement: {
      quote: 'النهر جار نتقاسمه جميعًا. وكل لتر يُوفَّر عند المنبع هدية للمدينة التي تقع عند المصب.',
      by: 'ليلى بارانزاده، مديرة هيئة إحياء نهر زاينده رود',
    },
    banner: {
      title: 'شهر زراعة الأشجار',
      text: 'شارك جيرانك في أنحاء المنطقة زراعة أشجار الظل على جوانب الشوارع وفي ساحات المدارس وعلى ضفاف الأنهار. الشتلات والأدوات مجانية في الحدائق المشاركة.',
      linkPath: '/ar/tag/زراعة-الأشجار',
      startsInDays: -3,
      endsInDays: 30,
    },
  },
};

// ---------------------------------------------------------------------------
// Cluster 1: restoring the Zayandeh Rud in Isfahan / Esfahan / Ispahan
// ---------------------------------------------------------------------------
const riverStories: DemoStory[] = [
  {
    key: 'river-plan-unveiled',
    section: 'environment',
    tags: ['river-restoration', 'water-saving', 'tree-planting'],
    entities: ['isfahan', 'zayandeh-rud', 'leyla-baranzadeh'],
    hoursAgo: 30,
    versions: {
      en: {
        headline: "Isfahan unveils five-year plan to bring the Zayandeh Rud's banks back to life",
        dek: "A new restoration authority will replant the riverbanks, rebuild wetlands and release water on a fixed calendar, officials said.",
        dateline: "Isfahan",
        byline: "Maryam Rostami",
        body: [
          "Isfahan on Sunday unveiled a five-year programme to restore a 40-kilometre stretch of the Zayandeh Rud, the river that runs beneath the city's historic bridges and has spent much of recent years as a dry bed of sand and pebbles.",
          "The plan, run by the newly created Zayandeh Rud Restoration Authority, combines three strands: replanting native willows and tamarisks along the banks, rebuilding two small wetlands downstream of the city, and publishing a fixed calendar of water releases so that farmers, residents and businesses know in advance when the river will flow.",
          { quote: "We are not promising a miracle. We are promising a schedule, a budget and a riverbank that people can see changing month by month", by: "Leyla Baranzadeh, Director of the Zayandeh Rud Restoration Authority" },
          { heading: "Willows first" },
          "The first phase begins next month with the planting of 12,000 saplings between the city's oldest bridges. Schools and neighbourhood councils will be invited to take part, and each sapling will carry a small tag so that residents can follow its growth online.",
          "Hydrologists at the authority said the programme would also install 25 new sensors along the riverbed to measure groundwater levels, soil moisture and water quality. The data will be published every week on an open dashboard.",
        ],
      },
      fa: {
        headline: "اصفهان از برنامهٔ پنج‌ساله برای زنده کردن دوبارهٔ کرانه‌های زاینده‌رود رونمایی کرد",
        dek: "به گفتهٔ مسئولان، سازمانی تازه‌تأسیس کرانه‌های رودخانه را دوباره درختکاری می‌کند، تالاب‌ها را بازسازی می‌کند و آب را بر اساس تقویمی ثابت رها می‌کند.",
        dateline: "اصفهان",
        byline: "مریم رستمی",
        body: [
          "اصفهان روز یکشنبه از برنامه‌ای پنج‌ساله برای احیای بازه‌ای ۴۰ کیلومتری از زاینده‌رود رونمایی کرد؛ رودخانه‌ای که از زیر پل‌های تاریخی شهر می‌گذرد و در بیشتر سال‌های اخیر بستری خشک از شن و سنگریزه بوده است.",
          "این طرح که سازمان تازه‌تأسیس احیای زاینده‌رود اجرای آن را بر عهده دارد، سه بخش دارد: کاشت دوبارهٔ بیدها و گزهای بومی در کرانه‌ها، بازسازی دو تالاب کوچک در پایین‌دست شهر، و انتشار تقویمی ثابت برای رهاسازی آب تا کشاورزان، شهروندان و کسب‌وکارها از پیش بدانند رودخانه چه زمانی جاری خواهد بود.",
          { quote: "ما وعدهٔ معجزه نمی‌دهیم. وعدهٔ ما یک برنامهٔ زمانی، یک بودجه و کرانه‌ای است که مردم می‌توانند تغییرش را ماه به ماه ببینند", by: "لیلا بارانزاده، مدیر سازمان احیای زاینده‌رود" },
          { heading: "اول بیدها" },
          "مرحلهٔ نخست ماه آینده با کاشت ۱۲ هزار نهال در فاصلهٔ میان قدیمی‌ترین پل‌های شهر آغاز می‌شود. از مدرسه‌ها و شوراهای محله دعوت می‌شود در این کار شرکت کنند و روی هر نهال برچسب کوچکی نصب می‌شود تا شهروندان بتوانند رشد آن را به‌صورت برخط دنبال کنند.",
          "کارشناسان آب‌شناسی این سازمان گفتند این برنامه همچنین ۲۵ حسگر تازه در طول بستر رودخانه نصب می‌کند تا سطح آب زیرزمینی، رطوبت خاک و کیفیت آب را اندازه بگیرد. این داده‌ها هر هفته در داشبوردی عمومی منتشر خواهد شد.",
        ],
      },
      ar: {
        headline: "أصفهان تكشف عن خطة خمسية لإعادة الحياة إلى ضفاف نهر زاينده رود",
        dek: "قال مسؤولون إن هيئة جديدة ستعيد تشجير ضفاف النهر وتأهيل الأراضي الرطبة وتطلق المياه وفق جدول زمني ثابت.",
        dateline: "أصفهان",
        byline: "مريم رستمي",
        body: [
          "كشفت أصفهان يوم الأحد عن برنامج مدته خمس سنوات لإحياء مقطع طوله ٤٠ كيلومترًا من نهر زاينده رود، النهر الذي يجري تحت جسور المدينة التاريخية، والذي ظل في معظم السنوات الأخيرة مجرى جافًا من الرمل والحصى.",
          "وتجمع الخطة، التي تديرها هيئة إحياء نهر زاينده رود المنشأة حديثًا، بين ثلاثة محاور: إعادة زراعة أشجار الصفصاف والطرفاء المحلية على الضفاف، وإعادة تأهيل أرضين رطبتين صغيرتين أسفل المدينة، ونشر جدول ثابت لإطلاق المياه حتى يعرف المزارعون والسكان وأصحاب الأعمال مسبقًا متى سيجري النهر.",
          { quote: "نحن لا نعد بمعجزة. نحن نعد بجدول زمني وميزانية وضفة نهر يستطيع الناس أن يروا تغيّرها شهرًا بعد شهر", by: "ليلى بارانزاده، مديرة هيئة إحياء نهر زاينده رود" },
          { heading: "الصفصاف أولًا" },
          "تبدأ المرحلة الأولى الشهر المقبل بزراعة ١٢ ألف شتلة بين أقدم جسور المدينة. وستُدعى المدارس ومجالس الأحياء إلى المشاركة، وستحمل كل شتلة بطاقة صغيرة تتيح للسكان متابعة نموها عبر الإنترنت.",
          "وقال خبراء الهيدرولوجيا في الهيئة إن البرنامج سيركّب أيضًا ٢٥ جهاز استشعار جديدًا على امتداد مجرى النهر لقياس منسوب المياه الجوفية ورطوبة التربة وجودة المياه، على أن تُنشر البيانات كل أسبوع على لوحة بيانات مفتوحة.",
        ],
      },
    },
  },
  {
    key: 'river-cafes-esfahan',
    section: 'economy',
    tags: ['river-restoration', 'markets', 'water-saving'],
    entities: ['isfahan', 'zayandeh-rud', 'leyla-baranzadeh'],
    hoursAgo: 52,
    versions: {
      en: {
        headline: "Riverside café owners in Esfahan count the days until the water returns",
        dek: "A published release calendar lets tea houses and kiosks on the Zayandeh Rud plan staff, stock and evening events for the first time.",
        dateline: "Esfahan",
        byline: "Maryam Rostami",
        body: [
          "Along the southern bank of the Zayandeh Rud in Esfahan, the owners of a dozen small cafés have started repainting their terraces. The reason is a single line in the restoration authority's new release calendar: water is due to flow past their tables for six weeks next spring.",
          "For Behnam Taheri, who has run the Café Sayeh kiosk for 19 years, the calendar matters more than the volume. “When the river comes unannounced, it is gone before we can prepare. When we know the date, we can hire staff, order ice and tell our regulars,” he said.",
          "Neighbourhood trade associations estimate that spring footfall on the riverside promenade doubles in years when the river flows. Several owners said they would use the schedule to plan evening music and children's events.",
          { quote: "A predictable river is good for the wetlands, and it turns out it is also good for tea houses. We hear that from businesses every week", by: "Leyla Baranzadeh, Director of the Zayandeh Rud Restoration Authority" },
          "The authority has asked cafés along the bank to sign a voluntary pledge to cut plastic waste and install water-saving taps, in exchange for a listing on its official riverside map of Esfahan.",
        ],
      },
    },
  },
  {
    key: 'river-volunteers-plant-willows',
    section: 'environment',
    tags: ['tree-planting', 'river-restoration'],
    entities: ['isfahan', 'zayandeh-rud', 'leyla-baranzadeh'],
    hoursAgo: 12,
    versions: {
      en: {
        headline: "Thousands of volunteers plant the first willows along the Zayandeh Rud in Isfahan",
        dek: "Schoolchildren, retirees and neighbourhood councils planted 3,000 saplings on the opening weekend of the riverbank restoration.",
        dateline: "Isfahan",
        byline: "Maryam Rostami",
        body: [
          "More than 2,500 volunteers spent the weekend on the dry banks of the Zayandeh Rud in Isfahan, planting the first 3,000 of the 12,000 willow and tamarisk saplings promised under the city's river restoration plan.",
          "Families arrived early on Saturday morning with buckets and gloves, while teams from the restoration authority handed out saplings, marked planting spots with blue flags and showed children how to firm the soil around young roots.",
          { quote: "I learned to swim in this river when I was a boy. Planting a tree here feels like paying back a small part of that debt", by: "Hossein Karimi, 71, a retired teacher" },
          { quote: "Every sapling has a tag and a guardian. In a year we will come back with these same families and measure how much they have grown", by: "Leyla Baranzadeh, Director of the Zayandeh Rud Restoration Authority" },
          "Each sapling will be watered by a drip line fed with treated wastewater until its roots reach the groundwater, the authority said. A second planting weekend is scheduled for next month as part of the regional Plant a Tree Month.",
        ],
      },
      fa: {
        headline: "هزاران داوطلب نخستین نهال‌های بید را در کرانهٔ زاینده‌رود اصفهان کاشتند",
        dek: "دانش‌آموزان، بازنشستگان و شوراهای محله در نخستین آخر هفتهٔ طرح احیای کرانهٔ رودخانه ۳ هزار نهال کاشتند.",
        dateline: "اصفهان",
        byline: "مریم رستمی",
        body: [
          "بیش از ۲ هزار و ۵۰۰ داوطلب آخر هفته را در کرانه‌های خشک زاینده‌رود در اصفهان گذراندند و نخستین ۳ هزار نهال از ۱۲ هزار نهال بید و گزی را کاشتند که در برنامهٔ احیای رودخانهٔ این شهر وعده داده شده است.",
          "خانواده‌ها صبح زود روز شنبه با سطل و دستکش از راه رسیدند و گروه‌هایی از سازمان احیا نهال توزیع کردند، جای کاشت را با پرچم‌های آبی علامت زدند و به کودکان نشان دادند چگونه خاک را دور ریشه‌های جوان محکم کنند.",
          { quote: "در کودکی در همین رودخانه شنا یاد گرفتم. کاشتن درخت در اینجا برایم مثل ادای بخش کوچکی از آن دِین است", by: "حسین کریمی، معلم بازنشستهٔ ۷۱ ساله" },
          { quote: "هر نهال یک برچسب و یک نگهبان دارد. یک سال دیگر با همین خانواده‌ها برمی‌گردیم و اندازه می‌گیریم که چقدر رشد کرده‌اند", by: "لیلا بارانزاده، مدیر سازمان احیای زاینده‌رود" },
          "به گفتهٔ این سازمان، هر نهال تا زمانی که ریشه‌هایش به آب زیرزمینی برسد با آبیاری قطره‌ای از پساب تصفیه‌شده آبیاری خواهد شد. دومین آخر هفتهٔ درختکاری ماه آینده و در چارچوب «ماه درختکاری» منطقه برگزار می‌شود.",
        ],
      },
      ar: {
        headline: "آلاف المتطوعين يزرعون أولى أشجار الصفصاف على ضفاف زاينده رود في أصفهان",
        dek: "زرع تلاميذ ومتقاعدون وأعضاء مجالس الأحياء ٣ آلاف شتلة في عطلة نهاية الأسبوع الأولى من مشروع إحياء ضفاف النهر.",
        dateline: "أصفهان",
        byline: "مريم رستمي",
        body: [
          "أمضى أكثر من ٢٥٠٠ متطوع عطلة نهاية الأسبوع على الضفاف الجافة لنهر زاينده رود في أصفهان، وزرعوا أول ٣ آلاف شتلة من أصل ١٢ ألف شتلة من الصفصاف والطرفاء وعدت بها خطة إحياء النهر في المدينة.",
          "ووصلت العائلات في الصباح الباكر يوم السبت حاملة الدلاء والقفازات، بينما وزعت فرق من هيئة الإحياء الشتلات، وحددت مواقع الزراعة بأعلام زرقاء، وعلّمت الأطفال كيف يثبّتون التربة حول الجذور الصغيرة.",
          { quote: "تعلمت السباحة في هذا النهر حين كنت صبيًا. وزراعة شجرة هنا أشبه بردّ جزء صغير من ذلك الدين", by: "حسين كريمي، معلم متقاعد يبلغ ٧١ عامًا" },
          { quote: "لكل شتلة بطاقة وحارس. بعد عام سنعود مع هذه العائلات نفسها ونقيس كم نمت", by: "ليلى بارانزاده، مديرة هيئة إحياء نهر زاينده رود" },
          "وقالت الهيئة إن كل شتلة ستُروى بالتنقيط من مياه الصرف المعالجة إلى أن تبلغ جذورها المياه الجوفية. ومن المقرر تنظيم عطلة زراعة ثانية الشهر المقبل ضمن «شهر زراعة الأشجار» في المنطقة.",
        ],
      },
    },
  },
  {
    key: 'river-wetland-birds',
    section: 'environment',
    tags: ['river-restoration', 'water-saving', 'weather'],
    entities: ['isfahan', 'zayandeh-rud'],
    hoursAgo: 140,
    versions: {
      en: {
        headline: "Migrating birds return to a rebuilt wetland east of Esfahan after a decade away",
        dek: "Flamingos and grey herons were among more than 40 species counted at the Reed Pools, the first wetland rebuilt under the river plan.",
        dateline: "Esfahan",
        byline: "Maryam Rostami",
        body: [
          "Birdwatchers counted more than 40 species at a rebuilt wetland east of Esfahan this week, including flamingos and grey herons, in what the Zayandeh Rud Restoration Authority described as the clearest early sign that its river programme is working.",
          "The 60-hectare site, known locally as the Reed Pools, was reshaped over the winter with low earth banks that hold water released from the Zayandeh Rud for several weeks longer than the bare riverbed can.",
          { quote: "Birds are honest auditors. They do not read our reports; they simply arrive when the water and the food are there", by: "Dr Farnaz Mohtasham, ecologist at the Zayandeh Rud Restoration Authority" },
          "Volunteers from a local birding club will repeat the count every fortnight until the autumn migration ends. The authority said visitors would be kept to a single boardwalk to avoid disturbing nesting birds.",
          "Officials in Esfahan province hope the wetland will eventually draw school trips and eco-tourists, adding a new stop to a city better known for its tiled domes and covered bazaars.",
        ],
      },
    },
  },
  {
    key: 'river-first-release',
    section: 'region',
    tags: ['river-restoration', 'water-saving', 'heritage'],
    entities: ['isfahan', 'zayandeh-rud', 'leyla-baranzadeh'],
    hoursAgo: 6,
    versions: {
      en: {
        headline: "Water returns beneath Isfahan's historic bridges as first scheduled release begins",
        dek: "Crowds gathered on the old bridges as the river reached the city centre on the very day the restoration calendar had promised.",
        dateline: "Isfahan",
        byline: "Maryam Rostami",
        body: [
          "Water reached the centre of Isfahan shortly after dawn on Thursday, flowing beneath the city's historic arched bridges on the exact day named in the Zayandeh Rud Restoration Authority's published calendar.",
          "By mid-morning hundreds of residents had gathered on the bridges and along the banks. Some filmed the water on their phones; others simply sat on the steps and watched the current carry leaves past the stone piers.",
          { quote: "For the first time, the river arrived on a date we announced months ago. That predictability is the real news today", by: "Leyla Baranzadeh, Director of the Zayandeh Rud Restoration Authority" },
          "The release will last 42 days. The authority said flows would be kept deliberately modest so that the same volume can recharge the groundwater beneath the city and still reach the restored wetlands downstream.",
          "Residents were asked not to swim or wade in the river during the first week, when the current is strongest and the riverbed is still uneven after the dry months.",
        ],
      },
      fa: {
        headline: "با آغاز نخستین رهاسازی برنامه‌ریزی‌شده، آب دوباره از زیر پل‌های تاریخی اصفهان گذشت",
        dek: "هم‌زمان با رسیدن رودخانه به مرکز شهر، درست در روزی که تقویم احیا وعده داده بود، جمعیتی بزرگ روی پل‌های قدیمی گرد آمدند.",
        dateline: "اصفهان",
        byline: "مریم رستمی",
        body: [
          "آب صبح روز پنجشنبه اندکی پس از طلوع آفتاب به مرکز اصفهان رسید و درست در همان روزی که در تقویم منتشرشدهٔ سازمان احیای زاینده‌رود اعلام شده بود، از زیر پل‌های طاق‌دار تاریخی شهر گذشت.",
          "تا میانهٔ صبح صدها نفر از شهروندان روی پل‌ها و در کنار کرانه‌ها جمع شده بودند. برخی با تلفن همراه از آب فیلم می‌گرفتند و برخی دیگر فقط روی پله‌ها نشسته بودند و جریان آب را تماشا می‌کردند که برگ‌ها را از کنار پایه‌های سنگی پل‌ها با خود می‌برد.",
          { quote: "برای نخستین بار، رودخانه در تاریخی رسید که ماه‌ها پیش اعلام کرده بودیم. خبر اصلی امروز همین پیش‌بینی‌پذیری است", by: "لیلا بارانزاده، مدیر سازمان احیای زاینده‌رود" },
          "این رهاسازی ۴۲ روز ادامه خواهد داشت. به گفتهٔ سازمان، جریان آب عمداً ملایم نگه داشته می‌شود تا همین حجم بتواند آب زیرزمینی زیر شهر را تغذیه کند و به تالاب‌های احیاشده در پایین‌دست نیز برسد.",
          "از شهروندان خواسته شده در هفتهٔ نخست که جریان آب تندتر است و بستر رود پس از ماه‌های خشک هنوز ناهموار است، در رودخانه شنا نکنند و وارد آب نشوند.",
        ],
      },
      ar: {
        headline: "المياه تعود تحت جسور أصفهان التاريخية مع بدء أول إطلاق مجدول لمياه النهر",
        dek: "احتشد السكان على الجسور القديمة مع وصول النهر إلى وسط المدينة في اليوم نفسه الذي وعد به جدول الإحياء.",
        dateline: "أصفهان",
        byline: "مريم رستمي",
        body: [
          "وصلت المياه إلى وسط أصفهان بُعيد الفجر يوم الخميس، وجرت تحت جسور المدينة التاريخية المقوّسة في اليوم نفسه الذي حدده الجدول المنشور لهيئة إحياء نهر زاينده رود.",
          "وبحلول منتصف الصباح، كان مئات السكان قد تجمعوا على الجسور وعلى امتداد الضفاف. صوّر بعضهم المياه بهواتفهم، بينما جلس آخرون على الدرجات يراقبون التيار وهو يحمل أوراق الشجر متجاوزًا الدعامات الحجرية.",
          { quote: "للمرة الأولى، وصل النهر في موعد أعلنّاه قبل أشهر. هذه القدرة على التنبؤ هي الخبر الحقيقي اليوم", by: "ليلى بارانزاده، مديرة هيئة إحياء نهر زاينده رود" },
          "وسيستمر الإطلاق ٤٢ يومًا. وقالت الهيئة إن التدفق سيبقى معتدلًا عن قصد كي تتمكن الكمية نفسها من تغذية المياه الجوفية تحت المدينة والوصول إلى الأراضي الرطبة المستعادة أسفل النهر.",
          "وطُلب من السكان عدم السباحة أو الخوض في النهر خلال الأسبوع الأول، حين يكون التيار في أشد حالاته ويكون قاع النهر لا يزال غير مستوٍ بعد أشهر الجفاف.",
        ],
      },
    },
  },
  {
    key: 'river-ispahan-exhibition',
    section: 'culture',
    tags: ['heritage', 'museums', 'river-restoration'],
    entities: ['isfahan', 'zayandeh-rud'],
    hoursAgo: 95,
    versions: {
      en: {
        headline: "From ‘Ispahan’ to Isfahan: an exhibition maps four centuries of life on the river",
        dek: "Travellers' sketches, old maps and diary pages show how the Zayandeh Rud shaped gardens, mills and summer evenings on the bridges.",
        dateline: "Isfahan",
        byline: "Golshan Ahmadi",
        body: [
          "Long before it became a backdrop for holiday photographs, the Zayandeh Rud was drawn, painted and described by travellers who spelled the city's name as Ispahan. A new exhibition at the Chaharbagh Gallery gathers 80 of those maps, sketches and diary pages.",
          "The show, titled A River Remembered, follows the river through four centuries: the gardens that lined its banks, the mills and water channels that drew from it, and the bridges that doubled as meeting places on summer evenings.",
          { quote: "Visitors keep stopping at the same drawing, a picnic on the riverbank with little boats in the background. They want to know whether they will ever see that again", by: "Golnar Habibi, curator of the Chaharbagh Gallery" },
          { heading: "Ending in the present" },
          "The gallery worked with the river restoration authority to add a final room showing the replanting plan and live readings from the riverbed sensors, so that the exhibition ends in the present rather than the past.",
          "Entry is free for students and for anyone who brings a receipt from the riverbank tree-planting weekends in Isfahan. The exhibition runs until the end of the season.",
        ],
      },
    },
  },
  {
    key: 'river-farmers-calendar',
    section: 'economy',
    tags: ['river-restoration', 'agriculture', 'water-saving'],
    entities: ['isfahan', 'zayandeh-rud', 'leyla-baranzadeh'],
    hoursAgo: 230,
    versions: {
      en: {
        headline: "Downstream farmers welcome the river calendar but ask for a longer spring release",
        dek: "Growers east of Esfahan petitioned the restoration authority to shift ten days of water to the weeks that matter most for wheat and melons.",
        dateline: "Varzaneh",
        byline: "Maryam Rostami",
        body: [
          "Farmers east of Esfahan say the Zayandeh Rud's new release calendar has made planning easier, but several growers' groups asked this week for the spring release to be extended by ten days to cover the critical weeks for wheat and melons.",
          "At a public hearing in the town of Varzaneh, farmers presented the restoration authority with a petition signed by 600 households, along with a proposal to share drip-irrigation equipment among neighbouring villages.",
          { quote: "We are not asking for more water than the river has. We are asking for the same water at a slightly different time", by: "Abbas Nikfar, head of the Varzaneh Farmers' Council" },
          { quote: "We will model the request carefully. If ten days in spring can be balanced by savings in autumn, we are open to it", by: "Leyla Baranzadeh, Director of the Zayandeh Rud Restoration Authority" },
          "The authority said it would publish its response within a month, together with updated groundwater readings from across Isfahan province.",
        ],
      },
    },
  },
  {
    key: 'river-poetry-night',
    section: 'culture',
    tags: ['festivals', 'river-restoration', 'heritage', 'tree-planting'],
    entities: ['isfahan', 'zayandeh-rud'],
    hoursAgo: 18,
    versions: {
      fa: {
        headline: "شب شعر «آب و آینه» با حضور صدها علاقه‌مند در کنار زاینده‌رود برگزار شد",
        dek: "شاعران جوان و پیشکسوت اصفهانی هم‌زمان با بازگشت آب به رودخانه، شعرهایی دربارهٔ رود، پل‌ها و خاطرات شهر خواندند.",
        dateline: "اصفهان",
        byline: "نسترن یزدانی",
        body: [
          "صدها نفر از دوستداران شعر شامگاه جمعه در کنار زاینده‌رود گرد آمدند تا در شب شعر «آب و آینه» شرکت کنند؛ برنامه‌ای که انجمن ادبی «چراغ» اصفهان هم‌زمان با بازگشت آب به رودخانه ترتیب داده بود.",
          "در این برنامه ۱۸ شاعر از نسل‌های مختلف شعرهایی دربارهٔ رودخانه، پل‌های تاریخی و خاطرات کودکی خود در کنار آب خواندند. گروهی از نوازندگان جوان نیز در فاصلهٔ شعرخوانی‌ها قطعاتی با سه‌تار و نی اجرا کردند.",
          { quote: "شعر اصفهان همیشه با آب زنده بوده است. امشب خواستیم به رودخانه خوشامد بگوییم", by: "مهرانگیز صفایی، دبیر انجمن ادبی چراغ" },
          { heading: "دفتر شعر رودخانه" },
          "برگزارکنندگان اعلام کردند شعرهای خوانده‌شده در این شب در دفتری با عنوان «دفتر شعر رودخانه» گردآوری می‌شود و درآمد فروش آن صرف خرید نهال برای طرح درختکاری کرانهٔ زاینده‌رود خواهد شد.",
          "سازمان احیای زاینده‌رود نیز در حاشیهٔ این برنامه غرفه‌ای برپا کرده بود و دربارهٔ تقویم رهاسازی آب و راه‌های صرفه‌جویی در مصرف آب خانگی به بازدیدکنندگان اطلاعات می‌داد.",
        ],
      },
    },
  },
];

// ---------------------------------------------------------------------------
// Cluster 2: the saffron harvest in Torbat-e Heydarieh and the spice markets
// ---------------------------------------------------------------------------
const saffronStories: DemoStory[] = [
  {
    key: 'saffron-harvest-begins',
    section: 'economy',
    tags: ['saffron', 'agriculture', 'markets'],
    entities: ['torbat-e-heydarieh', 'saffron-cooperative', 'kamran-sadeghpour'],
    hoursAgo: 200,
    versions: {
      en: {
        headline: "Saffron harvest begins in Torbat-e Heydarieh as growers expect a bigger crop",
        dek: "After a cool, damp autumn, growers forecast a harvest about 15 per cent larger than last season's.",
        dateline: "Torbat-e Heydarieh",
        byline: "Arash Kiani",
        body: [
          "Before sunrise on Monday, thousands of pickers walked into the purple fields around Torbat-e Heydarieh to begin this year's saffron harvest, which growers expect to be around 15 per cent larger than last season's after a cool, damp autumn.",
          "Saffron flowers stay open for only a day or two, so the picking season is short and intense. Each bloom must be gathered by hand early in the morning, and the three crimson threads at its centre separated the same day.",
          { quote: "The weather has been kind to us this year. If the next three weeks stay cool, our members will bring in one of the best harvests of the decade", by: "Kamran Sadeghpour, chair of the Khorasan Saffron Growers' Cooperative" },
          "The cooperative, which represents about 4,200 smallholders, said it had opened eight new drying rooms this year so that members could process flowers close to their fields instead of carrying them into town.",
          "It takes roughly 150,000 flowers to produce a single kilogram of dried saffron, which helps explain why the spice remains one of the most valuable crops by weight anywhere in the world.",
        ],
      },
      fa: {
        headline: "برداشت زعفران در تربت حیدریه آغاز شد؛ کشاورزان انتظار محصولی پربارتر دارند",
        dek: "زعفران‌کاران پس از پاییزی خنک و مرطوب، محصولی حدود ۱۵ درصد بیشتر از سال گذشته پیش‌بینی می‌کنند.",
        dateline: "تربت حیدریه",
        byline: "آرش کیانی",
        body: [
          "هزاران کارگر پیش از طلوع آفتاب روز دوشنبه به مزارع ارغوانی اطراف تربت حیدریه رفتند تا برداشت زعفران امسال را آغاز کنند؛ برداشتی که زعفران‌کاران پس از پاییزی خنک و مرطوب انتظار دارند حدود ۱۵ درصد بیشتر از فصل گذشته باشد.",
          "گل زعفران تنها یک یا دو روز باز می‌ماند و به همین دلیل فصل برداشت کوتاه و پرفشار است. هر گل باید صبح زود با دست چیده شود و سه کلالهٔ سرخ میان آن در همان روز جدا شود.",
          { quote: "امسال هوا با ما مهربان بوده است. اگر سه هفتهٔ آینده هم هوا خنک بماند، اعضای ما یکی از بهترین برداشت‌های دههٔ اخیر را خواهند داشت", by: "کامران صادق‌پور، رئیس تعاونی زعفران‌کاران خراسان" },
          "این تعاونی که نمایندهٔ حدود ۴ هزار و ۲۰۰ کشاورز خرده‌پا است، اعلام کرد امسال هشت اتاق خشک‌کن تازه راه‌اندازی کرده تا اعضا بتوانند گل‌ها را نزدیک مزارع خود فرآوری کنند و ناچار نباشند آن‌ها را به شهر ببرند.",
          "برای تولید تنها یک کیلوگرم زعفران خشک به حدود ۱۵۰ هزار گل نیاز است؛ همین موضوع توضیح می‌دهد چرا این ادویه همچنان از نظر وزنی یکی از باارزش‌ترین محصولات کشاورزی جهان است.",
        ],
      },
      ar: {
        headline: "بدء حصاد الزعفران في تربة حيدرية والمزارعون يتوقعون محصولًا أوفر هذا العام",
        dek: "يتوقع مزارعو الزعفران محصولًا يزيد بنحو ١٥ في المئة على الموسم الماضي بعد خريف بارد ورطب.",
        dateline: "تربة حيدرية",
        byline: "آرش كياني",
        body: [
          "قبل شروق الشمس يوم الاثنين، توجه آلاف العمال إلى الحقول البنفسجية المحيطة بتربة حيدرية لبدء حصاد الزعفران لهذا العام، والذي يتوقع المزارعون أن يكون أكبر بنحو ١٥ في المئة من الموسم الماضي بعد خريف بارد ورطب.",
          "لا تبقى زهرة الزعفران متفتحة إلا يومًا أو يومين، ولذلك يكون موسم القطاف قصيرًا ومكثفًا. ويجب جمع كل زهرة باليد في الصباح الباكر، وفصل خيوطها القرمزية الثلاثة في اليوم نفسه.",
          { quote: "كان الطقس رحيمًا بنا هذا العام. وإذا بقيت الأسابيع الثلاثة المقبلة باردة، فسيجني أعضاؤنا واحدًا من أفضل محاصيل العقد", by: "كامران صادق بور، رئيس تعاونية مزارعي الزعفران في خراسان" },
          "وقالت التعاونية، التي تمثل نحو ٤٢٠٠ من صغار المزارعين، إنها افتتحت هذا العام ثماني غرف تجفيف جديدة حتى يتمكن الأعضاء من معالجة الأزهار قرب حقولهم بدلًا من نقلها إلى المدينة.",
          "ويحتاج إنتاج كيلوغرام واحد من الزعفران المجفف إلى نحو ١٥٠ ألف زهرة، وهو ما يفسر بقاء هذه التوابل من أغلى المحاصيل وزنًا في العالم.",
        ],
      },
    },
  },
  {
    key: 'saffron-prices-ease',
    section: 'economy',
    tags: ['saffron', 'markets'],
    entities: ['saffron-cooperative', 'kamran-sadeghpour', 'torbat-e-heydarieh'],
    hoursAgo: 170,
    versions: {
      en: {
        headline: "Saffron prices ease at Mashhad wholesale market as the first dried threads arrive",
        dek: "Dealers say buyers are holding back big orders until the size of the harvest is clear, while small retail tins sell briskly.",
        dateline: "Mashhad",
        byline: "Arash Kiani",
        body: [
          "Wholesale saffron prices in Mashhad slipped about 6 per cent this week as the first batches of newly dried threads from Torbat-e Heydarieh and the surrounding districts reached traders' stalls.",
          "Dealers said buyers were waiting to see how large the harvest would be before committing to big orders, and that top-grade threads, cut without any of the pale style, still commanded a clear premium over mixed grades.",
          { quote: "A small dip at the start of the season is normal. What matters for our members is that the price holds once the export orders come in", by: "Kamran Sadeghpour, chair of the Khorasan Saffron Growers' Cooperative" },
          "Traders also reported stronger interest in small retail tins of one and two grams, which they attributed to online shops and to visitors buying gifts.",
          "The cooperative publishes a weekly reference price for its members, based on sales across five markets in the province, to help smallholders negotiate with middlemen.",
        ],
      },
    },
  },
  {
    key: 'saffron-quality-lab',
    section: 'science',
    tags: ['saffron', 'agriculture', 'universities'],
    entities: ['torbat-e-heydarieh', 'saffron-cooperative', 'kamran-sadeghpour'],
    hoursAgo: 120,
    versions: {
      en: {
        headline: "New quality lab lets small saffron growers certify their crop in a single day",
        dek: "The cooperative's laboratory in Torbat-e Heydarieh tests colour, aroma and purity, replacing a wait of up to three weeks.",
        dateline: "Torbat-e Heydarieh",
        byline: "Arash Kiani",
        body: [
          "Smallholders in Torbat-e Heydarieh can now have their saffron tested and certified within a day, after the Khorasan Saffron Growers' Cooperative opened a quality laboratory in the town's old caravanserai district.",
          "The lab measures the three properties buyers care about most: colour strength, aroma and bitterness. It also checks samples for added dyes and stray flower parts, a common complaint from importers.",
          { quote: "Until now, a family with two kilograms of saffron had to wait three weeks for a certificate, and many simply sold to the first trader who came by. A certificate in one day puts the negotiating power back in their hands", by: "Kamran Sadeghpour, chair of the Khorasan Saffron Growers' Cooperative" },
          "The laboratory was set up with help from agricultural scientists at a regional university, who trained eight local technicians, six of them women from farming families.",
          "Testing costs the equivalent of a few grams of saffron per sample, and is free for members during the first month of the harvest.",
        ],
      },
      fa: {
        headline: "آزمایشگاه تازهٔ کیفیت، گواهی زعفران کشاورزان خرده‌پا را در یک روز صادر می‌کند",
        dek: "آزمایشگاه تعاونی در تربت حیدریه رنگ، عطر و خلوص زعفران را می‌سنجد و به انتظاری تا سه هفته پایان می‌دهد.",
        dateline: "تربت حیدریه",
        byline: "آرش کیانی",
        body: [
          "کشاورزان خرده‌پای تربت حیدریه اکنون می‌توانند زعفران خود را ظرف یک روز آزمایش کنند و گواهی بگیرند؛ این امکان پس از آن فراهم شد که تعاونی زعفران‌کاران خراسان آزمایشگاه کیفیتی را در محلهٔ کاروانسرای قدیمی شهر راه‌اندازی کرد.",
          "این آزمایشگاه سه ویژگی را می‌سنجد که برای خریداران از همه مهم‌تر است: قدرت رنگ، عطر و تلخی. نمونه‌ها همچنین از نظر رنگ افزوده و بخش‌های اضافی گل بررسی می‌شوند؛ موضوعی که از گلایه‌های رایج واردکنندگان است.",
          { quote: "تاکنون خانواده‌ای که دو کیلوگرم زعفران داشت باید سه هفته برای گواهی منتظر می‌ماند و بسیاری محصول خود را به نخستین دلالی که از راه می‌رسید می‌فروختند. گواهی یک‌روزه قدرت چانه‌زنی را به خود آن‌ها بازمی‌گرداند", by: "کامران صادق‌پور، رئیس تعاونی زعفران‌کاران خراسان" },
          "این آزمایشگاه با کمک پژوهشگران کشاورزی یکی از دانشگاه‌های منطقه راه‌اندازی شده است؛ آن‌ها هشت تکنسین محلی را آموزش داده‌اند که شش نفرشان زنانی از خانواده‌های کشاورز هستند.",
          "هزینهٔ هر آزمایش معادل بهای چند گرم زعفران است و در ماه نخست برداشت برای اعضای تعاونی رایگان خواهد بود.",
        ],
      },
      ar: {
        headline: "مختبر جودة جديد يتيح لصغار مزارعي الزعفران اعتماد محصولهم في يوم واحد",
        dek: "يختبر مختبر التعاونية في تربة حيدرية اللون والرائحة والنقاء، ليحل محل انتظار قد يصل إلى ثلاثة أسابيع.",
        dateline: "تربة حيدرية",
        byline: "آرش كياني",
        body: [
          "بات بإمكان صغار المزارعين في تربة حيدرية فحص زعفرانهم والحصول على شهادة جودة خلال يوم واحد، بعدما افتتحت تعاونية مزارعي الزعفران في خراسان مختبرًا للجودة في حي الخان القديم بالمدينة.",
          "ويقيس المختبر الخصائص الثلاث التي تهم المشترين أكثر من غيرها: قوة اللون والرائحة والمرارة. كما يفحص العينات بحثًا عن الأصباغ المضافة وبقايا أجزاء الزهرة، وهي شكوى شائعة لدى المستوردين.",
          { quote: "حتى الآن، كان على عائلة تملك كيلوغرامين من الزعفران أن تنتظر ثلاثة أسابيع للحصول على شهادة، وكان كثيرون يبيعون ببساطة لأول تاجر يمر بهم. شهادة في يوم واحد تعيد إليهم القدرة على التفاوض", by: "كامران صادق بور، رئيس تعاونية مزارعي الزعفران في خراسان" },
          "وأُنشئ المختبر بمساعدة علماء زراعيين من إحدى جامعات المنطقة، دربوا ثمانية فنيين محليين، ست منهم نساء من عائلات تعمل في الزراعة.",
          "وتعادل كلفة الفحص ثمن بضعة غرامات من الزعفران لكل عينة، وهو مجاني للأعضاء خلال الشهر الأول من الحصاد.",
        ],
      },
    },
  },
  {
    key: 'saffron-new-buyers-abroad',
    section: 'economy',
    tags: ['saffron', 'markets'],
    entities: ['saffron-cooperative', 'kamran-sadeghpour'],
    hoursAgo: 75,
    versions: {
      en: {
        headline: "Saffron crème brûlée and buyers from São Paulo: the spice finds new fans abroad",
        dek: "Pastry chefs are placing small orders for certified, traceable saffron, and growers hope the trend can steady prices in lean years.",
        dateline: "Mashhad",
        byline: "Arash Kiani",
        body: [
          "Exporters in Mashhad say this season's most surprising orders are coming from pastry chefs. Buyers from São Paulo, Lyon and Osaka have placed trial orders for small, certified lots destined for desserts such as saffron crème brûlée and saffron ice cream.",
          "Traditional markets still take the bulk of exports, but dealers said the new customers were willing to pay more for traceable saffron with a laboratory certificate and the name of the village printed on the tin.",
          { quote: "A chef in Brazil wants to tell her guests which field the saffron came from. That is a story our growers can finally sell", by: "Kamran Sadeghpour, chair of the Khorasan Saffron Growers' Cooperative" },
          "The cooperative is preparing a bilingual label with a QR code linking to the harvest date, the test results and a short video of the family that picked the flowers.",
          "Exporters cautioned that the specialist orders remain small, measured in kilograms rather than tonnes, but said they could help smooth prices in years when bulk demand is weak.",
        ],
      },
    },
  },
  {
    key: 'saffron-day-in-the-fields',
    section: 'culture',
    tags: ['saffron', 'agriculture', 'heritage'],
    entities: ['torbat-e-heydarieh', 'saffron-cooperative', 'kamran-sadeghpour'],
    hoursAgo: 160,
    versions: {
      en: {
        headline: "Dawn to dusk in the purple fields: a day with the saffron pickers of Torbat",
        dek: "From the first flowers at sunrise to the drying trays at dusk, a family harvest runs on patience, speed and inherited know-how.",
        dateline: "Torbat-e Heydarieh",
        byline: "Arash Kiani",
        body: [
          "At half past five in the morning the fields outside Torbat-e Heydarieh are still blue with shadow, but the pickers are already bent over the rows, filling woven baskets with violet flowers before the sun can open them fully.",
          "Zohreh Amini, 58, has picked saffron every autumn since she was a child. She works quickly, pinching each flower at the base and never tugging at the stem. “The corm underneath must rest for next year,” she said. “If you are greedy today, the field punishes you tomorrow.”",
          { heading: "Separating the threads" },
          "By nine o'clock the baskets are carried to a courtyard where relatives sit around low tables, separating the crimson threads from the petals. Children sort the petals into sacks; they will be sold to make dyes and herbal teas.",
          "In the afternoon the threads are dried over gentle heat in the cooperative's new drying rooms. A family can lose a quarter of a day's value by drying too fast, so the older women watch the trays closely.",
          { quote: "The cooperative can give us machines and laboratories, but the knowledge of when the threads are ready still sits in these women's hands", by: "Kamran Sadeghpour, chair of the Khorasan Saffron Growers' Cooperative" },
        ],
      },
    },
  },
  {
    key: 'saffron-season-record',
    section: 'economy',
    tags: ['saffron', 'agriculture', 'water-saving', 'markets'],
    entities: ['torbat-e-heydarieh', 'saffron-cooperative', 'kamran-sadeghpour'],
    hoursAgo: 48,
    versions: {
      en: {
        headline: "Saffron season ends with a record crop and a pledge to use less water in the fields",
        dek: "Growers in Torbat-e Heydarieh harvested an estimated 190 tonnes and agreed to switch a third of their fields to drip irrigation by next autumn.",
        dateline: "Torbat-e Heydarieh",
        byline: "Arash Kiani",
        body: [
          "The saffron harvest around Torbat-e Heydarieh ended this week with an estimated 190 tonnes of dried threads, the largest crop recorded by the Khorasan Saffron Growers' Cooperative since it began keeping figures.",
          "At the cooperative's closing meeting, members also voted to convert a third of their fields to drip irrigation before next season. Saffron is already considered a relatively water-efficient crop, but most fields are still watered by flooding the furrows.",
          { quote: "A record year is the best moment to invest. If we save water now, the next generation will still have fields to harvest", by: "Kamran Sadeghpour, chair of the Khorasan Saffron Growers' Cooperative" },
          "The conversion will be financed through a revolving fund: each member repays the cost of the equipment over three harvests, and the money is then lent to the next group of farmers.",
          "Prices at the Mashhad wholesale market held steady through the final week, traders said, supported by regular export orders and the new demand for certified small lots.",
        ],
      },
      fa: {
        headline: "فصل زعفران با محصولی بی‌سابقه و تعهد به مصرف آب کمتر در مزارع به پایان رسید",
        dek: "زعفران‌کاران تربت حیدریه حدود ۱۹۰ تن زعفران برداشت کردند و توافق کردند تا پاییز آینده یک‌سوم مزارع خود را به آبیاری قطره‌ای مجهز کنند.",
        dateline: "تربت حیدریه",
        byline: "آرش کیانی",
        body: [
          "برداشت زعفران در اطراف تربت حیدریه این هفته با حدود ۱۹۰ تن کلالهٔ خشک به پایان رسید؛ بزرگ‌ترین محصولی که تعاونی زعفران‌کاران خراسان از زمان آغاز ثبت آمار به خود دیده است.",
          "اعضای تعاونی در نشست پایانی فصل همچنین رأی دادند که پیش از فصل آینده یک‌سوم مزارع خود را به سامانهٔ آبیاری قطره‌ای مجهز کنند. زعفران هم‌اکنون نیز محصولی نسبتاً کم‌آب‌بر به شمار می‌رود، اما بیشتر مزارع هنوز به روش غرقابی و با پر کردن جوی‌ها آبیاری می‌شوند.",
          { quote: "سال پرمحصول بهترین زمان برای سرمایه‌گذاری است. اگر امروز در مصرف آب صرفه‌جویی کنیم، نسل بعد هم مزرعه‌ای برای برداشت خواهد داشت", by: "کامران صادق‌پور، رئیس تعاونی زعفران‌کاران خراسان" },
          "هزینهٔ این تغییر از طریق یک صندوق گردان تأمین می‌شود: هر عضو هزینهٔ تجهیزات را طی سه فصل برداشت بازپرداخت می‌کند و این پول سپس به گروه بعدی کشاورزان وام داده می‌شود.",
          "به گفتهٔ بازرگانان، قیمت‌ها در بازار عمده‌فروشی مشهد در هفتهٔ پایانی ثابت ماند و سفارش‌های منظم صادراتی و تقاضای تازه برای بسته‌های کوچک دارای گواهی از آن پشتیبانی کرد.",
        ],
      },
      ar: {
        headline: "موسم الزعفران يختتم بمحصول قياسي وتعهد بترشيد استهلاك المياه في الحقول",
        dek: "حصد مزارعو تربة حيدرية نحو ١٩٠ طنًا واتفقوا على تحويل ثلث حقولهم إلى الري بالتنقيط بحلول الخريف المقبل.",
        dateline: "تربة حيدرية",
        byline: "آرش كياني",
        body: [
          "انتهى حصاد الزعفران حول تربة حيدرية هذا الأسبوع بنحو ١٩٠ طنًا من الخيوط المجففة، وهو أكبر محصول تسجله تعاونية مزارعي الزعفران في خراسان منذ أن بدأت توثيق الأرقام.",
          "وفي الاجتماع الختامي للتعاونية، صوّت الأعضاء أيضًا على تحويل ثلث حقولهم إلى الري بالتنقيط قبل الموسم المقبل. ويُعد الزعفران أصلًا محصولًا قليل الاستهلاك للمياه نسبيًا، لكن معظم الحقول لا تزال تُروى بغمر الأخاديد.",
          { quote: "العام القياسي هو أفضل لحظة للاستثمار. إذا وفّرنا المياه الآن، فسيجد الجيل القادم حقولًا يحصدها", by: "كامران صادق بور، رئيس تعاونية مزارعي الزعفران في خراسان" },
          "وسيُموَّل التحويل عبر صندوق دوّار: يسدد كل عضو كلفة المعدات على مدى ثلاثة مواسم حصاد، ثم يُقرض المال إلى المجموعة التالية من المزارعين.",
          "وقال التجار إن الأسعار في سوق الجملة في مشهد ظلت مستقرة خلال الأسبوع الأخير، مدعومة بطلبات تصدير منتظمة والطلب الجديد على الدفعات الصغيرة المعتمدة.",
        ],
      },
    },
  },
  {
    key: 'saffron-model-for-pistachio-dates',
    section: 'economy',
    tags: ['agriculture', 'markets', 'saffron'],
    entities: ['saffron-cooperative', 'kamran-sadeghpour', 'torbat-e-heydarieh'],
    hoursAgo: 260,
    versions: {
      en: {
        headline: "Pistachio and date growers study the saffron cooperative's model for smallholders",
        dek: "Farmers from Kerman and the south toured shared drying rooms and a quality lab, hoping to copy them for their own crops.",
        dateline: "Torbat-e Heydarieh",
        byline: "Arash Kiani",
        body: [
          "Pistachio growers from Kerman and date farmers from the southern provinces visited Torbat-e Heydarieh this week to study how the Khorasan Saffron Growers' Cooperative runs its shared drying rooms, quality laboratory and weekly price bulletin.",
          "The two-day visit was organised by a regional farmers' network that hopes to set up similar cooperatives for other high-value crops, where smallholders often sell to middlemen at harvest time for lack of storage.",
          { quote: "Pistachios and dates keep longer than saffron flowers, but the problem is the same: the farmer who cannot wait is the farmer who sells cheaply", by: "Mehdi Parsa, a pistachio grower from Rafsanjan" },
          { quote: "We made plenty of mistakes in our first years. If our neighbours can skip some of them, the whole region benefits", by: "Kamran Sadeghpour, chair of the Khorasan Saffron Growers' Cooperative" },
          "The network plans to open a pilot storage and grading centre for pistachios before next year's harvest, and a cold store for dates the year after.",
        ],
      },
    },
  },
  {
    key: 'pistachio-harvest-rafsanjan',
    section: 'economy',
    tags: ['agriculture', 'markets', 'water-saving'],
    entities: ['saffron-cooperative'],
    hoursAgo: 100,
    versions: {
      fa: {
        headline: "برداشت پسته در رفسنجان آغاز شد؛ باغداران از کم‌آبی و بازار صادراتی می‌گویند",
        dek: "باغداران رفسنجان امسال با آبیاری زیرسطحی و انبارهای مشترک می‌کوشند محصول را با قیمت بهتری به بازار برسانند.",
        dateline: "رفسنجان",
        byline: "بهاره نیک‌نام",
        body: [
          "فصل برداشت پسته از صبح شنبه در باغ‌های اطراف رفسنجان آغاز شد. کارگران با تکاندن درختان، خوشه‌های صورتی پسته را روی پارچه‌هایی که زیر درختان پهن شده جمع می‌کنند.",
          "باغداران می‌گویند امسال به دلیل گرمای زودرس تابستان، اندازهٔ دانه‌ها کمی کوچک‌تر است، اما برآورد می‌شود درصد پسته‌های خندان از سال گذشته بالاتر باشد.",
          { quote: "هر قطره آب در این باغ‌ها حساب دارد. آبیاری زیرسطحی مصرف ما را نزدیک به یک‌سوم کم کرده و درختان هم آسیبی ندیده‌اند", by: "مهدی پارسا، باغدار پسته در رفسنجان" },
          { heading: "انبار مشترک" },
          "گروهی از باغداران پس از بازدید از تعاونی زعفران‌کاران خراسان در تربت حیدریه، تصمیم گرفته‌اند انبار و مرکز درجه‌بندی مشترکی بسازند تا ناچار نباشند محصول را بلافاصله پس از برداشت و با قیمت پایین به واسطه‌ها بفروشند.",
          "به گفتهٔ فعالان بازار، نخستین محموله‌های پستهٔ تازه تا دو هفتهٔ دیگر به بازار عمده‌فروشی کرمان می‌رسد و قیمت‌ها پس از روشن شدن حجم کل محصول تعیین خواهد شد.",
        ],
      },
    },
  },
];

// ---------------------------------------------------------------------------
// Cluster 3: the (fictional) Silk Road Club Cup
// ---------------------------------------------------------------------------
const footballStories: DemoStory[] = [
  {
    key: 'cup-quarter-final-draw',
    section: 'sport',
    tags: ['football'],
    entities: ['silk-road-football-union', 'omid-rahnavard', 'shiraz', 'basra', 'tabriz'],
    hoursAgo: 400,
    versions: {
      en: {
        headline: "Silk Road Club Cup draw sets up a possible final between Shiraz Vine and Basra Palms",
        dek: "Eight clubs from eight cities will play two-legged quarter-finals, and the final will be staged in Shiraz for the first time.",
        dateline: "Tabriz",
        byline: "Daniel Okafor",
        body: [
          "Holders Shiraz Vine FC were drawn against Muscat Harbour FC in the quarter-finals of the Silk Road Club Cup on Wednesday, in a draw held at a concert hall in Tabriz and watched online by more than 200,000 fans.",
          "Basra Palms SC, beaten finalists last year, will face Kuwait Pearl SC, while Tabriz Falcons meet Isfahan Bridges and Mashhad Saffron FC play Bandar Abbas Mariners. If the seedings hold, Shiraz Vine and Basra Palms would meet again in the final.",
          { quote: "This tournament was created to bring neighbouring cities together through football. Eight clubs, eight cities and one trophy: that is the spirit we want to see on the pitch", by: "Yusuf Al-Amiri, President of the Silk Road Football Union" },
          "The final will be played in Shiraz for the first time. The Silk Road Football Union said ticket prices would be capped and that a third of the seats would be reserved for families and school groups.",
          { quote: "Every draw is difficult when you are the holders. Muscat press high and run all day, so we will have to be patient", by: "Omid Rahnavard, head coach of Shiraz Vine FC" },
        ],
      },
      fa: {
        headline: "قرعه‌کشی جام باشگاه‌های جادهٔ ابریشم راه دیدار احتمالی تاک شیراز و نخل بصره در فینال را باز کرد",
        dek: "هشت باشگاه از هشت شهر در مرحلهٔ یک‌چهارم نهایی به‌صورت رفت و برگشت بازی می‌کنند و فینال برای نخستین بار در شیراز برگزار می‌شود.",
        dateline: "تبریز",
        byline: "دانیل اوکافور",
        body: [
          "تاک شیراز، مدافع عنوان قهرمانی، روز چهارشنبه در قرعه‌کشی مرحلهٔ یک‌چهارم نهایی جام باشگاه‌های جادهٔ ابریشم حریف بندر مسقط شد؛ قرعه‌کشی‌ای که در یک تالار کنسرت در تبریز برگزار شد و بیش از ۲۰۰ هزار هوادار آن را به‌صورت برخط تماشا کردند.",
          "نخل بصره، نایب‌قهرمان سال گذشته، با مروارید کویت روبه‌رو می‌شود؛ شاهین تبریز به مصاف پل‌های اصفهان می‌رود و زعفران مشهد با دریانوردان بندرعباس بازی می‌کند. اگر پیش‌بینی‌ها درست از آب درآید، تاک شیراز و نخل بصره بار دیگر در فینال به هم می‌رسند.",
          { quote: "این جام برای نزدیک کردن شهرهای همسایه از راه فوتبال پایه‌گذاری شد. هشت باشگاه، هشت شهر و یک جام؛ این همان روحیه‌ای است که می‌خواهیم در زمین ببینیم", by: "یوسف العامری، رئیس اتحادیهٔ فوتبال جادهٔ ابریشم" },
          "فینال برای نخستین بار در شیراز برگزار می‌شود. اتحادیهٔ فوتبال جادهٔ ابریشم اعلام کرد برای قیمت بلیت سقف تعیین می‌شود و یک‌سوم صندلی‌ها به خانواده‌ها و گروه‌های دانش‌آموزی اختصاص می‌یابد.",
          { quote: "وقتی مدافع عنوان هستی، هر قرعه‌ای دشوار است. مسقط پرس بالا می‌کند و در تمام طول بازی می‌دود، پس باید صبور باشیم", by: "امید رهنورد، سرمربی تاک شیراز" },
        ],
      },
      ar: {
        headline: "قرعة كأس أندية طريق الحرير تمهد لنهائي محتمل بين كرمة شيراز ونخيل البصرة",
        dek: "تخوض ثمانية أندية من ثماني مدن الدور ربع النهائي ذهابًا وإيابًا، ويقام النهائي في شيراز للمرة الأولى.",
        dateline: "تبريز",
        byline: "دانيال أوكافور",
        body: [
          "أوقعت قرعة الدور ربع النهائي من كأس أندية طريق الحرير، التي أُجريت يوم الأربعاء في قاعة للحفلات الموسيقية في تبريز وتابعها عبر الإنترنت أكثر من ٢٠٠ ألف مشجع، نادي كرمة شيراز حامل اللقب في مواجهة نادي ميناء مسقط.",
          "ويلتقي نادي نخيل البصرة، وصيف النسخة الماضية، مع نادي لؤلؤة الكويت، فيما يواجه صقور تبريز فريق جسور أصفهان، ويلعب زعفران مشهد أمام بحّارة بندر عباس. وإذا صدقت التوقعات، فسيلتقي كرمة شيراز ونخيل البصرة مجددًا في النهائي.",
          { quote: "أُطلقت هذه البطولة لتقريب المدن المتجاورة عبر كرة القدم. ثمانية أندية وثماني مدن وكأس واحدة: هذه هي الروح التي نريد أن نراها على أرض الملعب", by: "يوسف العامري، رئيس اتحاد طريق الحرير لكرة القدم" },
          "وسيقام النهائي في شيراز للمرة الأولى. وقال اتحاد طريق الحرير لكرة القدم إنه سيضع سقفًا لأسعار التذاكر، وإن ثلث المقاعد سيُخصص للعائلات والمجموعات المدرسية.",
          { quote: "كل قرعة صعبة عندما تكون حامل اللقب. فريق مسقط يضغط عاليًا ويركض طوال المباراة، لذلك علينا أن نتحلى بالصبر", by: "أميد رهنورد، المدير الفني لنادي كرمة شيراز" },
        ],
      },
    },
  },
  {
    key: 'cup-shiraz-win-in-muscat',
    section: 'sport',
    tags: ['football', 'heatwave'],
    entities: ['silk-road-football-union', 'omid-rahnavard', 'shiraz'],
    hoursAgo: 330,
    versions: {
      en: {
        headline: "Late header gives holders Shiraz Vine a 2-1 first-leg win over Muscat Harbour",
        dek: "A stoppage-time goal from defender Navid Sharifi silenced the home crowd and handed the holders the advantage.",
        dateline: "Muscat",
        byline: "Daniel Okafor",
        body: [
          "Shiraz Vine FC took a 2-1 lead into the second leg of their Silk Road Club Cup quarter-final after centre-back Navid Sharifi headed in a corner in the third minute of stoppage time in Muscat on Saturday.",
          "Muscat Harbour had dominated the first half and went ahead through a low shot from winger Khalid Al-Rawahi on 34 minutes. Shiraz Vine equalised shortly after the break when midfielder Arman Golzar curled a free kick into the top corner.",
          { quote: "We suffered for an hour. The players stayed calm and waited for their moment, and that is what champions do", by: "Omid Rahnavard, head coach of Shiraz Vine FC" },
          "The match was played late in the evening after the Silk Road Football Union moved kick-off back by two hours because of the heat. Drinks breaks were held midway through each half.",
          "The second leg takes place in Shiraz next Saturday.",
        ],
      },
    },
  },
  {
    key: 'cup-basra-hat-trick',
    section: 'sport',
    tags: ['football', 'heatwave'],
    entities: ['silk-road-football-union', 'basra'],
    hoursAgo: 310,
    versions: {
      en: {
        headline: "Teenage striker's hat-trick sends Basra Palms cruising past Kuwait Pearl",
        dek: "Seventeen-year-old Ali Mutlaq scored three times in 20 minutes as the Basra side completed a 4-0 aggregate win.",
        dateline: "Basra",
        byline: "Daniel Okafor",
        body: [
          "Seventeen-year-old Ali Mutlaq scored a hat-trick in a 20-minute spell as Basra Palms SC beat Kuwait Pearl SC 3-0 on Sunday, completing a 4-0 aggregate win and a place in the Silk Road Club Cup semi-finals.",
          "The teenager, who joined the club's academy at the age of nine, opened the scoring with a shot from the edge of the area, added a second after a quick one-two and completed his hat-trick from the penalty spot.",
          { quote: "He trains like a professional and listens like a student. Tonight the whole of Basra learned his name", by: "Salim Jaber, head coach of Basra Palms SC" },
          "Kick-off in Basra was set for 9pm local time because of the heatwave, and the crowd of 28,000 included thousands of families who arrived after sunset.",
          "Basra Palms will face Tabriz Falcons in the semi-finals.",
        ],
      },
    },
  },
  {
    key: 'cup-tabriz-penalties',
    section: 'sport',
    tags: ['football', 'metro'],
    entities: ['silk-road-football-union', 'tabriz', 'isfahan'],
    hoursAgo: 290,
    versions: {
      en: {
        headline: "Tabriz Falcons edge Isfahan Bridges on penalties to reach the Silk Road Cup semi-finals",
        dek: "Goalkeeper Reza Amirkhani saved the decisive kick after 210 goalless minutes over two legs.",
        dateline: "Tabriz",
        byline: "Daniel Okafor",
        body: [
          "Tabriz Falcons reached the semi-finals of the Silk Road Club Cup after beating Isfahan Bridges 5-4 on penalties on Tuesday night, following two goalless legs and extra time.",
          "Goalkeeper Reza Amirkhani saved the fifth Isfahan penalty, diving low to his right, to bring the home crowd to its feet. Many supporters had travelled to the stadium on the city's new Metro Line 2.",
          { quote: "Two hundred and ten minutes without a goal and then everything in one save. Football can be cruel, but tonight it was kind to us", by: "Babak Hosseinzadeh, head coach of Tabriz Falcons" },
          "Isfahan Bridges, who had not conceded a goal in the competition, left with their heads high. Their coach thanked the travelling supporters who had made the long trip north-west.",
          "Tabriz Falcons will play Basra Palms in the semi-finals. In the other tie, holders Shiraz Vine, who completed a 3-1 aggregate win over Muscat Harbour, meet Mashhad Saffron FC.",
        ],
      },
    },
  },
  {
    key: 'cup-final-rematch',
    section: 'sport',
    tags: ['football'],
    entities: ['silk-road-football-union', 'omid-rahnavard', 'shiraz', 'basra', 'tabriz'],
    hoursAgo: 150,
    versions: {
      en: {
        headline: "It's a rematch: Shiraz Vine and Basra Palms will meet again in the Silk Road Cup final",
        dek: "The holders beat Mashhad Saffron 2-0 and Basra Palms won 3-2 in Tabriz, setting up a repeat of last year's final in Shiraz.",
        dateline: "Shiraz",
        byline: "Daniel Okafor",
        body: [
          "Last season's finalists will meet again in the Silk Road Club Cup final after Shiraz Vine FC and Basra Palms SC won their semi-finals on Wednesday night.",
          "In Shiraz, the holders beat Mashhad Saffron FC 2-0 with a goal in each half from midfielder Arman Golzar and substitute Pouya Mehrabi. In Tabriz, Basra Palms came from behind to beat Tabriz Falcons 3-2, with teenage striker Ali Mutlaq scoring the winner ten minutes from time.",
          { quote: "They were the better team for long spells of last year's final. There is great respect between these clubs, and the final will be a celebration of football in our region", by: "Omid Rahnavard, head coach of Shiraz Vine FC" },
          "The Silk Road Football Union said all 42,000 tickets for the final had been allocated within three hours, with a third reserved for families and school groups as promised.",
          { quote: "Two clubs, two cities and one beautiful rivalry. We could not have asked for a better final", by: "Yusuf Al-Amiri, President of the Silk Road Football Union" },
        ],
      },
      fa: {
        headline: "دیدار دوباره: تاک شیراز و نخل بصره بار دیگر در فینال جام جادهٔ ابریشم به هم می‌رسند",
        dek: "مدافع عنوان قهرمانی زعفران مشهد را ۲ بر صفر برد و نخل بصره در تبریز ۳ بر ۲ پیروز شد تا فینال سال گذشته در شیراز تکرار شود.",
        dateline: "شیراز",
        byline: "دانیل اوکافور",
        body: [
          "دو فینالیست فصل گذشته پس از پیروزی تاک شیراز و نخل بصره در دیدارهای نیمه‌نهایی شامگاه چهارشنبه، بار دیگر در فینال جام باشگاه‌های جادهٔ ابریشم به مصاف هم می‌روند.",
          "در شیراز، مدافع عنوان قهرمانی با گل‌های آرمان گلزار، هافبک تیم، و پویا مهرابی، بازیکن ذخیره، در هر نیمه یک گل به زعفران مشهد زد و ۲ بر صفر پیروز شد. در تبریز، نخل بصره از شکست برگشت و شاهین تبریز را ۳ بر ۲ برد؛ گل پیروزی را علی مطلق، مهاجم نوجوان این تیم، ده دقیقه پیش از پایان بازی به ثمر رساند.",
          { quote: "آن‌ها در بخش‌های طولانی از فینال پارسال تیم بهتر زمین بودند. احترام زیادی میان این دو باشگاه وجود دارد و فینال جشن فوتبال منطقهٔ ما خواهد بود", by: "امید رهنورد، سرمربی تاک شیراز" },
          "اتحادیهٔ فوتبال جادهٔ ابریشم اعلام کرد همهٔ ۴۲ هزار بلیت فینال ظرف سه ساعت واگذار شد و همان‌طور که وعده داده شده بود، یک‌سوم آن‌ها به خانواده‌ها و گروه‌های دانش‌آموزی اختصاص یافت.",
          { quote: "دو باشگاه، دو شهر و یک رقابت زیبا. فینالی بهتر از این نمی‌توانستیم بخواهیم", by: "یوسف العامری، رئیس اتحادیهٔ فوتبال جادهٔ ابریشم" },
        ],
      },
      ar: {
        headline: "لقاء متجدد: كرمة شيراز ونخيل البصرة يلتقيان مجددًا في نهائي كأس طريق الحرير",
        dek: "فاز حامل اللقب على زعفران مشهد ٢-٠ وفاز نخيل البصرة ٣-٢ في تبريز، ليتكرر نهائي العام الماضي في شيراز.",
        dateline: "شيراز",
        byline: "دانيال أوكافور",
        body: [
          "يلتقي طرفا نهائي الموسم الماضي مجددًا في نهائي كأس أندية طريق الحرير، بعد فوز نادي كرمة شيراز ونادي نخيل البصرة في مباراتي الدور نصف النهائي مساء الأربعاء.",
          "في شيراز، تغلب حامل اللقب على نادي زعفران مشهد بهدفين نظيفين، سجل أحدهما في كل شوط لاعب الوسط آرمان كلزار والبديل بويا مهرابي. وفي تبريز، عاد نخيل البصرة من تأخره ليهزم صقور تبريز ٣-٢، وسجل المهاجم الشاب علي مطلق هدف الفوز قبل عشر دقائق من النهاية.",
          { quote: "كانوا الفريق الأفضل لفترات طويلة من نهائي العام الماضي. هناك احترام كبير بين الناديين، وسيكون النهائي احتفالًا بكرة القدم في منطقتنا", by: "أميد رهنورد، المدير الفني لنادي كرمة شيراز" },
          "وقال اتحاد طريق الحرير لكرة القدم إن جميع تذاكر النهائي البالغ عددها ٤٢ ألف تذكرة وُزعت خلال ثلاث ساعات، وخُصص ثلثها للعائلات والمجموعات المدرسية كما وُعد.",
          { quote: "ناديان ومدينتان ومنافسة جميلة واحدة. لم يكن بوسعنا أن نطلب نهائيًا أفضل", by: "يوسف العامري، رئيس اتحاد طريق الحرير لكرة القدم" },
        ],
      },
    },
  },
  {
    key: 'cup-shiraz-prepares-final',
    section: 'sport',
    tags: ['football', 'public-transport', 'tree-planting'],
    entities: ['silk-road-football-union', 'shiraz', 'basra'],
    hoursAgo: 80,
    versions: {
      en: {
        headline: "Shiraz prepares fan zones, shuttle buses and shaded stands for Saturday's cup final",
        dek: "The city expects 15,000 visiting supporters from Basra and is handing out maps in three languages at the airport.",
        dateline: "Shiraz",
        byline: "Daniel Okafor",
        body: [
          "Shiraz is preparing three fan zones, 120 shuttle buses and temporary shade canopies over the stadium's open stands ahead of Saturday's Silk Road Club Cup final between Shiraz Vine FC and Basra Palms SC.",
          "City officials expect about 15,000 visiting supporters from Basra, most arriving on chartered flights and coaches. A welcome tent at the airport will hand out maps in Arabic, Persian and English.",
          { quote: "We want visiting fans to go home talking about our gardens and our food as much as the football", by: "Mahnaz Rezvani, head of tourism for the city of Shiraz" },
          "Free water stations will be set up along the walking routes to the stadium, and medical teams will be on hand in each fan zone.",
          "The Silk Road Football Union has also invited both clubs' supporters' groups to a joint tree-planting ceremony near the stadium on the morning of the match, as part of the regional Plant a Tree Month.",
        ],
      },
    },
  },
  {
    key: 'cup-final-basra-win',
    section: 'sport',
    tags: ['football'],
    entities: ['silk-road-football-union', 'omid-rahnavard', 'shiraz', 'basra'],
    hoursAgo: 58,
    versions: {
      en: {
        headline: "Basra Palms win the Silk Road Club Cup as teenager Ali Mutlaq scores in extra time",
        dek: "The Basra side beat holders Shiraz Vine 2-1 in front of 42,000 fans, reversing the result of last year's final.",
        dateline: "Shiraz",
        byline: "Daniel Okafor",
        body: [
          "Basra Palms SC won the Silk Road Club Cup for the first time on Saturday, beating holders Shiraz Vine FC 2-1 after extra time in front of a sold-out crowd of 42,000 in Shiraz.",
          "Shiraz Vine led at half-time through a penalty from Arman Golzar, but Basra Palms equalised on 71 minutes when captain Haider Saleh headed in a free kick. In the 108th minute, 17-year-old Ali Mutlaq ran onto a long pass and lifted the ball over the goalkeeper.",
          { quote: "Last year we cried in this stadium. Tonight we are crying again, but for a very different reason", by: "Salim Jaber, head coach of Basra Palms SC" },
          { quote: "We lost to a very good team and a special young player. I am proud of my squad and proud of how our city welcomed the visitors", by: "Omid Rahnavard, head coach of Shiraz Vine FC" },
          "After the final whistle, players from both sides joined supporters in a lap of the pitch. The Silk Road Football Union named Ali Mutlaq player of the tournament.",
        ],
      },
      fa: {
        headline: "نخل بصره با گل علی مطلق نوجوان در وقت اضافه قهرمان جام باشگاه‌های جادهٔ ابریشم شد",
        dek: "تیم بصره‌ای مقابل ۴۲ هزار تماشاگر، تاک شیراز را که مدافع عنوان قهرمانی بود ۲ بر ۱ شکست داد و نتیجهٔ فینال سال گذشته را جبران کرد.",
        dateline: "شیراز",
        byline: "دانیل اوکافور",
        body: [
          "نخل بصره شنبه شب با پیروزی ۲ بر ۱ در وقت اضافه مقابل تاک شیراز، مدافع عنوان قهرمانی، برای نخستین بار قهرمان جام باشگاه‌های جادهٔ ابریشم شد؛ دیداری که در شیراز و در ورزشگاهی با ۴۲ هزار تماشاگر برگزار شد.",
          "تاک شیراز با گلی که آرمان گلزار از روی نقطهٔ پنالتی به ثمر رساند نیمهٔ نخست را با برتری به پایان برد، اما نخل بصره در دقیقهٔ ۷۱ با ضربهٔ سر حیدر صالح، کاپیتان تیم، از روی یک ضربهٔ آزاد بازی را به تساوی کشاند. در دقیقهٔ ۱۰۸، علی مطلق ۱۷ ساله یک پاس بلند را دنبال کرد و توپ را از روی دروازه‌بان به درون دروازه فرستاد.",
          { quote: "پارسال در همین ورزشگاه گریه کردیم. امشب هم گریه می‌کنیم، اما به دلیلی کاملاً متفاوت", by: "سلیم جابر، سرمربی نخل بصره" },
          { quote: "به تیمی بسیار خوب و بازیکن جوانی استثنایی باختیم. به بازیکنانم افتخار می‌کنم و به شیوه‌ای که شهرمان از مهمانان استقبال کرد نیز افتخار می‌کنم", by: "امید رهنورد، سرمربی تاک شیراز" },
          "پس از سوت پایان، بازیکنان هر دو تیم همراه با هواداران دور زمین چرخیدند. اتحادیهٔ فوتبال جادهٔ ابریشم علی مطلق را بهترین بازیکن مسابقات معرفی کرد.",
        ],
      },
      ar: {
        headline: "نخيل البصرة يتوج بكأس أندية طريق الحرير بهدف للشاب علي مطلق في الوقت الإضافي",
        dek: "تغلب الفريق البصري على حامل اللقب كرمة شيراز ٢-١ أمام ٤٢ ألف متفرج، ليقلب نتيجة نهائي العام الماضي.",
        dateline: "شيراز",
        byline: "دانيال أوكافور",
        body: [
          "توج نادي نخيل البصرة بكأس أندية طريق الحرير للمرة الأولى مساء السبت، بعد فوزه على حامل اللقب نادي كرمة شيراز ٢-١ بعد التمديد أمام ٤٢ ألف متفرج ملأوا الملعب في شيراز.",
          "وتقدم كرمة شيراز في الشوط الأول بركلة جزاء سجلها آرمان كلزار، لكن نخيل البصرة أدرك التعادل في الدقيقة ٧١ برأسية من القائد حيدر صالح إثر ركلة حرة. وفي الدقيقة ١٠٨، انطلق علي مطلق البالغ ١٧ عامًا خلف كرة طويلة ورفعها فوق الحارس إلى الشباك.",
          { quote: "في العام الماضي بكينا في هذا الملعب. والليلة نبكي مجددًا، لكن لسبب مختلف تمامًا", by: "سليم جابر، المدير الفني لنادي نخيل البصرة" },
          { quote: "خسرنا أمام فريق جيد جدًا ولاعب شاب استثنائي. أنا فخور بلاعبيّ وفخور بالطريقة التي استقبلت بها مدينتنا الضيوف", by: "أميد رهنورد، المدير الفني لنادي كرمة شيراز" },
          "وبعد صافرة النهاية، انضم لاعبو الفريقين إلى المشجعين في جولة حول أرض الملعب. وأعلن اتحاد طريق الحرير لكرة القدم اختيار علي مطلق أفضل لاعب في البطولة.",
        ],
      },
    },
  },
  {
    key: 'cup-basra-homecoming',
    section: 'sport',
    tags: ['football', 'heatwave'],
    entities: ['basra', 'silk-road-football-union'],
    hoursAgo: 40,
    versions: {
      ar: {
        headline: "البصرة تستقبل أبطال كأس طريق الحرير باحتفالات حاشدة على كورنيش شط العرب",
        dek: "احتشد آلاف المشجعين على الكورنيش حتى ساعة متأخرة من الليل لاستقبال لاعبي نخيل البصرة العائدين بالكأس.",
        dateline: "البصرة",
        byline: "هدى الربيعي",
        body: [
          "احتشد آلاف المشجعين على كورنيش شط العرب مساء الأحد لاستقبال لاعبي نادي نخيل البصرة العائدين من شيراز بكأس أندية طريق الحرير، وهو أول لقب إقليمي في تاريخ النادي.",
          "وجابت الحافلة المكشوفة التي أقلت اللاعبين شوارع المدينة ببطء وسط الأعلام الخضراء والأهازيج، وتوقفت أمام أكاديمية النادي حيث بدأ المهاجم الشاب علي مطلق مشواره وهو في التاسعة من عمره.",
          { quote: "هذه الكأس لكل طفل في البصرة يركل الكرة في الأزقة بعد المغرب. علي واحد منهم، وغدًا سيكون هناك مئة علي", by: "سليم جابر، المدير الفني لنادي نخيل البصرة" },
          { heading: "احتفال بعد غروب الشمس" },
          "وبسبب موجة الحر التي تشهدها المدينة، قررت إدارة النادي تأجيل الاحتفال الرسمي إلى ما بعد غروب الشمس، ووزعت فرق من المتطوعين قوارير المياه الباردة على الجماهير على امتداد الكورنيش.",
          "وأعلن النادي أنه سيعرض الكأس في مقره أمام الجمهور طوال الأسبوع المقبل، على أن يُخصص جزء من عائدات البطولة لتجديد ملاعب الأحياء الشعبية في المدينة.",
        ],
      },
    },
  },
];

// ---------------------------------------------------------------------------
// Cluster 4: the new Shiraz Museum of Science and Light
// ---------------------------------------------------------------------------
const museumStories: DemoStory[] = [
  {
    key: 'museum-opens',
    section: 'science',
    tags: ['museums', 'universities', 'heritage'],
    entities: ['shiraz-science-museum', 'parisa-nourbakhsh', 'shiraz'],
    hoursAgo: 350,
    versions: {
      en: {
        headline: "Shiraz opens a Museum of Science and Light in a restored garden pavilion",
        dek: "Astrolabes, a Foucault pendulum and a hands-on optics hall share a building that had stood empty for decades.",
        dateline: "Shiraz",
        byline: "Hannah Whitcombe",
        body: [
          "The Shiraz Museum of Science and Light opened its doors on Thursday in a restored garden pavilion in the north of the city, with 3,000 visitors queuing on the first day to see a collection that runs from medieval astrolabes to a working laser lab.",
          "The museum's centrepiece is a 22-metre Foucault pendulum hanging beneath the pavilion's tiled dome, slowly demonstrating the rotation of the Earth. Around it, galleries explore how scholars across the region have measured, bent and used light for more than a thousand years.",
          { quote: "We wanted a place where a grandmother and a ten-year-old can stand in front of the same exhibit and both learn something. Science belongs to everyone who is curious", by: "Dr Parisa Nourbakhsh, founding director of the Shiraz Museum of Science and Light" },
          { heading: "Free on Fridays" },
          "Entry is free for children under 12 and for everyone on Friday mornings. The museum has partnered with the city's universities to place graduate students in each gallery as guides.",
        ],
      },
      fa: {
        headline: "موزهٔ علم و نور شیراز در یک عمارت باغی بازسازی‌شده گشایش یافت",
        dek: "اسطرلاب‌ها، آونگ فوکو و تالار تعاملی نورشناسی در بنایی گرد آمده‌اند که دهه‌ها خالی مانده بود.",
        dateline: "شیراز",
        byline: "هانا ویتکام",
        body: [
          "موزهٔ علم و نور شیراز روز پنجشنبه در یک عمارت باغی بازسازی‌شده در شمال شهر درهای خود را به روی مردم گشود و در نخستین روز ۳ هزار بازدیدکننده در صف ایستادند تا مجموعه‌ای را ببینند که از اسطرلاب‌های سده‌های میانه تا یک آزمایشگاه لیزر فعال را در بر می‌گیرد.",
          "نماد اصلی موزه آونگ فوکویی به طول ۲۲ متر است که زیر گنبد کاشی‌کاری‌شدهٔ عمارت آویخته شده و به‌آرامی چرخش زمین را نشان می‌دهد. در اطراف آن تالارهایی قرار دارد که نشان می‌دهند دانشمندان منطقه در بیش از هزار سال چگونه نور را اندازه گرفته‌اند، شکسته‌اند و به کار برده‌اند.",
          { quote: "می‌خواستیم جایی بسازیم که یک مادربزرگ و یک کودک ده‌ساله بتوانند جلوی یک اثر بایستند و هر دو چیزی یاد بگیرند. علم از آنِ همهٔ کسانی است که کنجکاوند", by: "دکتر پریسا نوربخش، مدیر مؤسس موزهٔ علم و نور شیراز" },
          { heading: "جمعه‌ها رایگان" },
          "ورود برای کودکان زیر ۱۲ سال و برای همهٔ بازدیدکنندگان در صبح‌های جمعه رایگان است. موزه با دانشگاه‌های شهر همکاری کرده تا در هر تالار دانشجویان تحصیلات تکمیلی به‌عنوان راهنما حضور داشته باشند.",
        ],
      },
      ar: {
        headline: "شيراز تفتتح متحفًا للعلوم والضوء في جناح حديقة أُعيد ترميمه",
        dek: "تجتمع الأسطرلابات وبندول فوكو وقاعة تفاعلية للبصريات في مبنى ظل مهجورًا لعقود.",
        dateline: "شيراز",
        byline: "هانا ويتكوم",
        body: [
          "فتح متحف شيراز للعلوم والضوء أبوابه يوم الخميس في جناح حديقة مرمَّم شمال المدينة، واصطف ٣ آلاف زائر في اليوم الأول لمشاهدة مجموعة تمتد من أسطرلابات العصور الوسطى إلى مختبر ليزر يعمل أمام الزوار.",
          "ويتوسط المتحف بندول فوكو بطول ٢٢ مترًا معلق تحت قبة الجناح المكسوة بالبلاط، يُظهر ببطء دوران الأرض. وتحيط به قاعات تستكشف كيف قاس علماء المنطقة الضوء وكسروه واستخدموه على مدى أكثر من ألف عام.",
          { quote: "أردنا مكانًا تستطيع فيه جدة وطفل في العاشرة أن يقفا أمام القطعة نفسها ويتعلم كل منهما شيئًا. العلم ملك لكل فضولي", by: "الدكتورة باريسا نوربخش، المديرة المؤسسة لمتحف شيراز للعلوم والضوء" },
          { heading: "الدخول مجاني أيام الجمعة" },
          "والدخول مجاني للأطفال دون ١٢ عامًا وللجميع صباح كل جمعة. وقد عقد المتحف شراكة مع جامعات المدينة لوضع طلاب دراسات عليا في كل قاعة بصفة مرشدين.",
        ],
      },
    },
  },
  {
    key: 'museum-stargazing-nights',
    section: 'science',
    tags: ['museums', 'universities', 'weather'],
    entities: ['shiraz-science-museum', 'parisa-nourbakhsh', 'shiraz'],
    hoursAgo: 300,
    versions: {
      en: {
        headline: "Museum of Science and Light adds rooftop stargazing nights as visitor numbers climb",
        dek: "After 40,000 visitors in its first month, the Shiraz museum is opening its roof terrace to amateur astronomers twice a week.",
        dateline: "Shiraz",
        byline: "Hannah Whitcombe",
        body: [
          "The Shiraz Museum of Science and Light will open its roof terrace for stargazing on two evenings a week, after drawing more than 40,000 visitors in its first month.",
          "Amateur astronomers from a university club will set up six telescopes on the terrace, which looks north across the city's gardens. Sessions will focus on the Moon, the rings of Saturn and the bright star clusters of the autumn sky.",
          { quote: "Many children in this city have never looked through a telescope. A clear night in Shiraz is a gift, and we want to share it", by: "Dr Parisa Nourbakhsh, founding director of the Shiraz Museum of Science and Light" },
          "Places must be booked online because the terrace holds only 60 people at a time. The museum said sessions would be cancelled if dust or cloud made viewing impossible.",
          "The stargazing nights complement the museum's gallery of astrolabes, where visitors can try a replica instrument to tell the time from the height of a star.",
        ],
      },
    },
  },
  {
    key: 'museum-water-clock',
    section: 'science',
    tags: ['museums', 'heritage', 'water-saving', 'agriculture'],
    entities: ['shiraz-science-museum', 'parisa-nourbakhsh', 'shiraz', 'zayandeh-rud'],
    hoursAgo: 210,
    versions: {
      en: {
        headline: "Shiraz museum builds a working water clock once used to share out irrigation time",
        dek: "The replica of a traditional bowl clock shows how villages divided water fairly, long before meters and sensors.",
        dateline: "Shiraz",
        byline: "Hannah Whitcombe",
        body: [
          "Visitors to the Shiraz Museum of Science and Light can now watch a working replica of a traditional water clock, a simple device that villages across the Iranian plateau used for centuries to divide irrigation water between farmers.",
          "The clock consists of a small copper bowl with a tiny hole in its base, floating in a larger vessel of water. When the bowl fills and sinks, a fixed unit of time has passed, and the water channel is opened for the next farmer in line.",
          { quote: "It is a fairness machine. Everyone could see the bowl, everyone could count, and nobody could argue with the water", by: "Dr Parisa Nourbakhsh, founding director of the Shiraz Museum of Science and Light" },
          "The replica was made by a coppersmith from the city's bazaar together with engineering students, who measured surviving bowls to get the size of the hole exactly right.",
          "An accompanying display compares the clock with the sensors now used to schedule releases on rivers such as the Zayandeh Rud, and asks visitors which system they find easier to trust.",
        ],
      },
      fa: {
        headline: "موزهٔ شیراز فنجان آبی فعال ساخت؛ ساعتی کهن برای تقسیم نوبت آبیاری",
        dek: "این نمونهٔ بازسازی‌شده از ساعت آبی سنتی نشان می‌دهد روستاها چگونه پیش از کنتورها و حسگرها آب را منصفانه تقسیم می‌کردند.",
        dateline: "شیراز",
        byline: "هانا ویتکام",
        body: [
          "بازدیدکنندگان موزهٔ علم و نور شیراز اکنون می‌توانند نمونهٔ فعالی از یک ساعت آبی سنتی را تماشا کنند؛ ابزاری ساده که روستاهای فلات ایران قرن‌ها از آن برای تقسیم آب آبیاری میان کشاورزان استفاده می‌کردند.",
          "این ساعت از کاسهٔ مسی کوچکی با سوراخی ریز در کف آن تشکیل شده که روی ظرف بزرگ‌تری پر از آب شناور است. وقتی کاسه پر می‌شود و فرو می‌رود، یک واحد زمانی مشخص سپری شده و جوی آب به روی کشاورز بعدی باز می‌شود.",
          { quote: "این یک ماشین انصاف است. همه کاسه را می‌دیدند، همه می‌توانستند بشمارند و هیچ‌کس نمی‌توانست با آب بحث کند", by: "دکتر پریسا نوربخش، مدیر مؤسس موزهٔ علم و نور شیراز" },
          "این نمونه را یک مسگر بازار شیراز به همراه دانشجویان مهندسی ساخته است؛ آن‌ها کاسه‌های برجای‌مانده را اندازه گرفتند تا اندازهٔ سوراخ را دقیقاً درست از آب درآورند.",
          "در بخش کناری، این ساعت با حسگرهایی مقایسه شده که امروز برای زمان‌بندی رهاسازی آب در رودخانه‌هایی مانند زاینده‌رود به کار می‌روند و از بازدیدکنندگان پرسیده می‌شود به کدام سامانه آسان‌تر اعتماد می‌کنند.",
        ],
      },
      ar: {
        headline: "متحف في شيراز يصنع ساعة مائية عاملة كانت تُستخدم لتوزيع أوقات الري",
        dek: "تُظهر هذه النسخة المطابقة لساعة الوعاء التقليدية كيف كانت القرى تقسم المياه بعدل قبل زمن العدادات وأجهزة الاستشعار.",
        dateline: "شيراز",
        byline: "هانا ويتكوم",
        body: [
          "بات بإمكان زوار متحف شيراز للعلوم والضوء مشاهدة نسخة عاملة من ساعة مائية تقليدية، وهي أداة بسيطة استخدمتها القرى في أنحاء الهضبة الإيرانية قرونًا لتقسيم مياه الري بين المزارعين.",
          "وتتكون الساعة من وعاء نحاسي صغير في قاعه ثقب دقيق، يطفو فوق إناء أكبر مملوء بالماء. وعندما يمتلئ الوعاء ويغوص، تكون وحدة زمنية محددة قد انقضت، فتُفتح قناة الماء للمزارع التالي في الدور.",
          { quote: "إنها آلة للعدل. كان الجميع يرون الوعاء، وكان الجميع قادرين على العد، ولم يكن بوسع أحد أن يجادل الماء", by: "الدكتورة باريسا نوربخش، المديرة المؤسسة لمتحف شيراز للعلوم والضوء" },
          "وصنع النسخة حِرفي نحاس من سوق المدينة بالتعاون مع طلاب هندسة، قاسوا الأوعية القديمة الباقية لضبط حجم الثقب بدقة.",
          "ويقارن عرض مرافق بين الساعة وأجهزة الاستشعار المستخدمة اليوم لجدولة إطلاق المياه في أنهار مثل زاينده رود، ويسأل الزوار أي النظامين يجدونه أجدر بالثقة.",
        ],
      },
    },
  },
  {
    key: 'museum-robotics-camp',
    section: 'science',
    tags: ['museums', 'universities'],
    entities: ['shiraz-science-museum', 'parisa-nourbakhsh', 'shiraz'],
    hoursAgo: 250,
    versions: {
      en: {
        headline: "Robot-building summer camp at the Shiraz science museum fills 300 places in a day",
        dek: "Teenagers will build solar-powered rovers and race them across a model desert in the museum courtyard.",
        dateline: "Shiraz",
        byline: "Hannah Whitcombe",
        body: [
          "A four-week robotics camp at the Shiraz Museum of Science and Light filled all 300 places within a day of registration opening, prompting the museum to add a second session in the autumn.",
          "Participants aged 11 to 16 will build small solar-powered rovers, program them to follow lines and avoid obstacles, and race them across a model desert landscape in the museum courtyard on the final day.",
          { quote: "Half the places went to girls, and a third to children from towns outside Shiraz. We paid special attention to both", by: "Dr Parisa Nourbakhsh, founding director of the Shiraz Museum of Science and Light" },
          "Engineering students from two local universities will act as mentors, and each team will keep its rover after the camp ends.",
          "The museum is also offering free evening workshops for teachers who want to bring robotics into their classrooms.",
        ],
      },
    },
  },
  {
    key: 'museum-astrolabe-donation',
    section: 'culture',
    tags: ['museums', 'heritage'],
    entities: ['shiraz-science-museum', 'parisa-nourbakhsh', 'shiraz'],
    hoursAgo: 180,
    versions: {
      en: {
        headline: "Family donates a centuries-old brass astrolabe found in a grandfather's trunk",
        dek: "The instrument, wrapped in cloth for decades, will go on show at the Shiraz Museum of Science and Light next month.",
        dateline: "Shiraz",
        byline: "Hannah Whitcombe",
        body: [
          "A family from the town of Kazerun has donated a brass astrolabe, believed to be around three centuries old, to the Shiraz Museum of Science and Light after finding it wrapped in cloth in their late grandfather's trunk.",
          "Conservators at the museum said the instrument was in remarkably good condition. Its plates are engraved with the latitudes of several cities in the region, and a small maker's mark on the back is now being studied by specialists.",
          { quote: "For years the children used it as a toy. Now it will teach thousands of children how people once read the sky", by: "Farhad Kazeruni, who donated the astrolabe on behalf of his family" },
          { quote: "Objects like this survive because families care for them. We are very grateful, and we will display it with the family's story beside it", by: "Dr Parisa Nourbakhsh, founding director of the Shiraz Museum of Science and Light" },
          "The astrolabe will go on display next month after cleaning, in the gallery devoted to instruments for measuring time and the heavens.",
        ],
      },
    },
  },
  {
    key: 'museum-garden-of-light',
    section: 'culture',
    tags: ['festivals', 'museums', 'universities'],
    entities: ['shiraz-science-museum', 'parisa-nourbakhsh', 'shiraz'],
    hoursAgo: 28,
    versions: {
      en: {
        headline: "Garden of light: student installations turn Shiraz museum grounds into a night festival",
        dek: "Forty projects by university students use lenses, mirrors and solar power to light up the museum's garden for ten nights.",
        dateline: "Shiraz",
        byline: "Hannah Whitcombe",
        body: [
          "The gardens of the Shiraz Museum of Science and Light have been transformed into an open-air night festival, with 40 installations built by university students from lenses, mirrors, coloured glass and solar-charged lamps.",
          "Among the most popular works are a tunnel of angled mirrors that turns a single candle into a field of lights, and a fountain whose falling water carries a laser beam the way an optical fibre does.",
          { quote: "Every piece here explains a principle of physics, but nobody has to read a label to enjoy it. That is the best kind of science teaching", by: "Dr Parisa Nourbakhsh, founding director of the Shiraz Museum of Science and Light" },
          "All the installations run on energy stored during the day by solar panels on the museum roof, and the organisers said the festival would add nothing to the electricity bill.",
          "The festival runs for ten nights from sunset until midnight. Tickets are free but must be reserved in advance to avoid crowding on the garden paths.",
        ],
      },
      fa: {
        headline: "باغ نور: آثار دانشجویان محوطهٔ موزهٔ شیراز را به جشنواره‌ای شبانه تبدیل کرد",
        dek: "چهل اثر دانشجویی با عدسی، آینه و انرژی خورشیدی باغ موزه را ده شب روشن می‌کند.",
        dateline: "شیراز",
        byline: "هانا ویتکام",
        body: [
          "باغ موزهٔ علم و نور شیراز به جشنواره‌ای شبانه در فضای باز تبدیل شده است؛ با ۴۰ اثر که دانشجویان دانشگاه با عدسی، آینه، شیشهٔ رنگی و چراغ‌های خورشیدی ساخته‌اند.",
          "از پرطرفدارترین آثار، تونلی از آینه‌های زاویه‌دار است که یک شمع را به دشتی از نور تبدیل می‌کند، و فواره‌ای که آب ریزانش پرتوی لیزر را مانند یک فیبر نوری با خود می‌برد.",
          { quote: "هر اثر در اینجا یکی از اصول فیزیک را توضیح می‌دهد، اما برای لذت بردن از آن لازم نیست کسی برچسبی بخواند. این بهترین نوع آموزش علم است", by: "دکتر پریسا نوربخش، مدیر مؤسس موزهٔ علم و نور شیراز" },
          "همهٔ آثار با انرژی‌ای کار می‌کنند که صفحه‌های خورشیدی روی بام موزه در طول روز ذخیره می‌کنند و برگزارکنندگان می‌گویند جشنواره هیچ هزینه‌ای به قبض برق اضافه نخواهد کرد.",
          "این جشنواره ده شب، از غروب آفتاب تا نیمه‌شب، ادامه دارد. بلیت‌ها رایگان است اما برای جلوگیری از ازدحام در مسیرهای باغ باید از پیش رزرو شود.",
        ],
      },
      ar: {
        headline: "حديقة الضوء: أعمال طلابية تحوّل حديقة متحف شيراز إلى مهرجان ليلي",
        dek: "أربعون عملًا لطلاب جامعيين تستخدم العدسات والمرايا والطاقة الشمسية لإضاءة حديقة المتحف عشر ليالٍ.",
        dateline: "شيراز",
        byline: "هانا ويتكوم",
        body: [
          "تحولت حدائق متحف شيراز للعلوم والضوء إلى مهرجان ليلي في الهواء الطلق، يضم ٤٠ عملًا صنعها طلاب جامعيون من العدسات والمرايا والزجاج الملون والمصابيح المشحونة بالطاقة الشمسية.",
          "ومن أكثر الأعمال جذبًا للزوار نفق من المرايا المائلة يحوّل شمعة واحدة إلى حقل من الأضواء، ونافورة تحمل مياهها المتساقطة شعاع ليزر كما تفعل الألياف الضوئية.",
          { quote: "كل قطعة هنا تشرح مبدأً من مبادئ الفيزياء، لكن لا أحد يحتاج إلى قراءة بطاقة التعريف كي يستمتع بها. هذا أفضل أنواع تعليم العلوم", by: "الدكتورة باريسا نوربخش، المديرة المؤسسة لمتحف شيراز للعلوم والضوء" },
          "وتعمل جميع الأعمال بالطاقة التي تخزنها الألواح الشمسية على سطح المتحف خلال النهار، وقال المنظمون إن المهرجان لن يضيف شيئًا إلى فاتورة الكهرباء.",
          "ويستمر المهرجان عشر ليالٍ من غروب الشمس حتى منتصف الليل. والتذاكر مجانية، لكن يجب حجزها مسبقًا لتجنب الازدحام في ممرات الحديقة.",
        ],
      },
    },
  },
  {
    key: 'museum-night-sky-census',
    section: 'science',
    tags: ['universities', 'museums', 'weather'],
    entities: ['shiraz-science-museum', 'parisa-nourbakhsh', 'shiraz'],
    hoursAgo: 380,
    versions: {
      en: {
        headline: "Count the stars: Shiraz residents asked to help map the city's light pollution",
        dek: "A citizen-science project run by the science museum and three universities will turn a year of star counts into a map.",
        dateline: "Shiraz",
        byline: "Hannah Whitcombe",
        body: [
          "Residents of Shiraz are being asked to step outside on clear nights and count the stars they can see, as part of a citizen-science project launched by the Shiraz Museum of Science and Light and three local universities.",
          "Volunteers use a free phone app to compare what they see with a set of star charts. The results, gathered over a year, will be combined into a map of light pollution across the city and its suburbs.",
          { quote: "Light pollution is one of the easiest environmental problems to fix: you simply point the lamps down. But first you have to measure it", by: "Dr Parisa Nourbakhsh, founding director of the Shiraz Museum of Science and Light" },
          "Researchers said the map would help the city decide where to fit shielded street lamps first, saving electricity as well as restoring darker skies.",
          "More than 1,200 people signed up in the first week. Schools taking part will receive a small telescope for their science classes.",
        ],
      },
    },
  },
];

// ---------------------------------------------------------------------------
// Cluster 5: a summer heatwave in Basra and the water-saving campaign
// ---------------------------------------------------------------------------
const heatStories: DemoStory[] = [
  {
    key: 'heat-basra-51c',
    section: 'environment',
    tags: ['heatwave', 'water-saving', 'weather', 'health'],
    entities: ['basra', 'nadia-al-haddad'],
    hoursAgo: 90,
    versions: {
      en: {
        headline: "Basra swelters at 51C as officials urge residents to cut water use during the heatwave",
        dek: "The city's water office asked households to save a fifth of their daily use while reservoirs and pumps are under strain.",
        dateline: "Basra",
        byline: "Karim Nassar",
        body: [
          "Temperatures in Basra reached 51 degrees Celsius on Tuesday afternoon, the highest reading of the summer so far, as a heatwave that began last week settled over the region with no relief forecast before the weekend.",
          "The Basra Water and Climate Office asked households to cut their daily water use by a fifth, to avoid washing cars and courtyards during the day, and to water gardens only after sunset, when less is lost to evaporation.",
          { quote: "Demand for water rises exactly when our supply is under the most strain. If every home saves a bucket or two a day, the whole city keeps its taps running", by: "Nadia Al-Haddad, Director of the Basra Water and Climate Office" },
          "The office said pumping stations were running at full capacity and that repair crews were on standby around the clock to fix leaks within hours of their being reported.",
          "Doctors urged residents to drink water regularly, stay indoors during the hottest hours and check on elderly neighbours who live alone.",
        ],
      },
      fa: {
        headline: "بصره در گرمای ۵۱ درجه می‌سوزد؛ مسئولان از شهروندان خواستند مصرف آب را کاهش دهند",
        dek: "ادارهٔ آب شهر از خانوارها خواست در روزهایی که مخازن و تلمبه‌خانه‌ها زیر فشارند، یک‌پنجم مصرف روزانهٔ خود را کم کنند.",
        dateline: "بصره",
        byline: "کریم نصار",
        body: [
          "دمای هوا در بصره بعدازظهر سه‌شنبه به ۵۱ درجهٔ سانتی‌گراد رسید که بالاترین دمای ثبت‌شده در تابستان امسال است؛ موج گرمایی که از هفتهٔ گذشته آغاز شده بر منطقه حاکم است و انتظار نمی‌رود پیش از آخر هفته فروکش کند.",
          "ادارهٔ آب و اقلیم بصره از خانوارها خواست مصرف روزانهٔ آب خود را یک‌پنجم کاهش دهند، در طول روز از شستن خودرو و حیاط خودداری کنند و باغچه‌ها را تنها پس از غروب آفتاب آبیاری کنند؛ زمانی که تبخیر کمتر است.",
          { quote: "تقاضا برای آب درست زمانی بالا می‌رود که منابع ما بیشترین فشار را تحمل می‌کنند. اگر هر خانه روزانه یکی دو سطل آب صرفه‌جویی کند، شیرهای آب کل شهر باز می‌ماند", by: "نادیا الحداد، مدیر ادارهٔ آب و اقلیم بصره" },
          "این اداره اعلام کرد ایستگاه‌های پمپاژ با تمام ظرفیت کار می‌کنند و گروه‌های تعمیر به‌صورت شبانه‌روزی آماده‌باش هستند تا نشتی‌ها را ظرف چند ساعت پس از گزارش برطرف کنند.",
          "پزشکان از شهروندان خواستند به‌طور منظم آب بنوشند، در گرم‌ترین ساعات روز در خانه بمانند و به همسایگان سالمندی که تنها زندگی می‌کنند سر بزنند.",
        ],
      },
      ar: {
        headline: "البصرة تحت حرارة ٥١ درجة والمسؤولون يدعون السكان إلى خفض استهلاك المياه",
        dek: "طلبت دائرة المياه في المدينة من الأسر توفير خُمس استهلاكها اليومي في ظل الضغط على الخزانات ومحطات الضخ.",
        dateline: "البصرة",
        byline: "كريم نصار",
        body: [
          "بلغت درجات الحرارة في البصرة ٥١ درجة مئوية بعد ظهر الثلاثاء، وهي أعلى قراءة هذا الصيف حتى الآن، فيما استقرت فوق المنطقة موجة حر بدأت الأسبوع الماضي ولا يُتوقع انحسارها قبل نهاية الأسبوع.",
          "وطلبت دائرة المياه والمناخ في البصرة من الأسر خفض استهلاكها اليومي من المياه بمقدار الخُمس، وتجنب غسل السيارات والأفنية خلال النهار، وسقي الحدائق بعد غروب الشمس فقط، حين يقل الفاقد بالتبخر.",
          { quote: "يرتفع الطلب على المياه تحديدًا حين تكون إمداداتنا تحت أشد الضغط. إذا وفّر كل بيت دلوًا أو دلوين في اليوم، فستبقى الصنابير جارية في المدينة كلها", by: "نادية الحداد، مديرة دائرة المياه والمناخ في البصرة" },
          "وقالت الدائرة إن محطات الضخ تعمل بكامل طاقتها، وإن فرق الصيانة في حالة تأهب على مدار الساعة لإصلاح التسربات خلال ساعات من الإبلاغ عنها.",
          "وحث الأطباء السكان على شرب الماء بانتظام، والبقاء في المنازل خلال أشد الساعات حرارة، والاطمئنان على الجيران المسنين الذين يعيشون بمفردهم.",
        ],
      },
    },
  },
  {
    key: 'heat-cooling-centres',
    section: 'region',
    tags: ['heatwave', 'health'],
    entities: ['basra'],
    hoursAgo: 84,
    versions: {
      en: {
        headline: "Libraries and shopping centres open as free cooling centres for Basra's elderly",
        dek: "Volunteers are driving older residents and people with chronic illnesses to air-conditioned halls during the hottest hours.",
        dateline: "Basra",
        byline: "Karim Nassar",
        body: [
          "Public libraries, community halls and two shopping centres in Basra have opened their doors as free cooling centres during the hottest hours of the day, offering chilled water, seating and basic medical checks.",
          "Volunteers from neighbourhood youth groups are driving elderly residents and people with chronic illnesses to the centres, which are open from 11am to 6pm.",
          { quote: "Heat is dangerous for everyone, but it is most dangerous for the people who are least likely to ask for help. We are going to find them", by: "Dr Zainab Al-Mousawi, head of the city's public health department" },
          "Hospitals reported a rise in cases of heat exhaustion among outdoor workers, and the city asked employers to move physical work to the early morning and the evening.",
          "A helpline staffed by nurses is taking calls around the clock in Arabic and English.",
        ],
      },
    },
  },
  {
    key: 'heat-thirsty-city-cartoon-campaign',
    section: 'environment',
    tags: ['water-saving', 'heatwave', 'tree-planting'],
    entities: ['basra', 'nadia-al-haddad'],
    hoursAgo: 66,
    featured: 'cartoon',
    versions: {
      en: {
        headline: "Basra launches water-saving drive with a cartoon of a thirsty city sipping its river",
        dek: "The campaign pairs a striking poster with free leak checks, shower timers and a weekly league table of neighbourhood savings.",
        dateline: "Basra",
        byline: "Karim Nassar",
        body: [
          "Basra's water office launched a city-wide saving campaign on Sunday with an unusual poster: a cartoon of the city's tower blocks drinking a shrinking river through a long bendy straw while a sweating sun looks on.",
          "Behind the poster is a practical programme. Plumbers will offer free leak checks to 20,000 homes, schools will hand out shower timers, and a weekly league table will show which neighbourhoods have cut their water use the most.",
          { quote: "People remember a picture longer than a statistic. If the cartoon makes a family laugh and then fix a dripping tap, it has done its job", by: "Nadia Al-Haddad, Director of the Basra Water and Climate Office" },
          "The office estimates that leaks inside homes account for about a tenth of household water use in the city. Fixing a single dripping tap can save more than 5,000 litres a year.",
          "The neighbourhood that saves the most by the end of the summer will receive a new shaded playground, planted with trees from the regional Plant a Tree Month.",
        ],
      },
      fa: {
        headline: "بصره پویش صرفه‌جویی آب را با کاریکاتور شهری تشنه که رودخانه‌اش را می‌نوشد آغاز کرد",
        dek: "این پویش پوستری چشمگیر را با بازرسی رایگان نشتی، زمان‌سنج دوش و جدول هفتگی صرفه‌جویی محله‌ها همراه کرده است.",
        dateline: "بصره",
        byline: "کریم نصار",
        body: [
          "ادارهٔ آب بصره روز یکشنبه پویش صرفه‌جویی آب را در سراسر شهر با پوستری غیرمعمول آغاز کرد: کاریکاتوری که در آن برج‌های شهر با نی بلند و خمیده‌ای از رودخانه‌ای رو به خشکی آب می‌نوشند و خورشیدی عرق‌کرده تماشایشان می‌کند.",
          "پشت این پوستر برنامه‌ای عملی قرار دارد. لوله‌کش‌ها نشتی ۲۰ هزار خانه را رایگان بررسی می‌کنند، مدرسه‌ها زمان‌سنج دوش توزیع می‌کنند و جدولی هفتگی نشان می‌دهد کدام محله‌ها بیشترین کاهش مصرف آب را داشته‌اند.",
          { quote: "مردم تصویر را بیشتر از آمار به خاطر می‌سپارند. اگر این کاریکاتور خانواده‌ای را بخنداند و بعد وادارش کند شیر چکه‌کن را تعمیر کند، کارش را انجام داده است", by: "نادیا الحداد، مدیر ادارهٔ آب و اقلیم بصره" },
          "این اداره برآورد می‌کند نشتی‌های داخل خانه‌ها حدود یک‌دهم مصرف آب خانگی شهر را تشکیل می‌دهد. تعمیر تنها یک شیر چکه‌کن می‌تواند سالانه بیش از ۵ هزار لیتر آب صرفه‌جویی کند.",
          "محله‌ای که تا پایان تابستان بیشترین صرفه‌جویی را داشته باشد، صاحب یک زمین بازی سایه‌دار تازه می‌شود که با درختانی از «ماه درختکاری» منطقه کاشته خواهد شد.",
        ],
      },
      ar: {
        headline: "البصرة تطلق حملة لترشيد المياه بكاريكاتير لمدينة عطشى ترتشف نهرها",
        dek: "تجمع الحملة بين ملصق لافت وفحص مجاني للتسربات ومؤقتات للاستحمام وجدول أسبوعي يرصد ما توفره الأحياء.",
        dateline: "البصرة",
        byline: "كريم نصار",
        body: [
          "أطلقت دائرة المياه في البصرة يوم الأحد حملة لترشيد المياه على مستوى المدينة بملصق غير مألوف: كاريكاتير تظهر فيه أبراج المدينة وهي تشرب من نهر يتقلص عبر قشة طويلة منحنية، بينما تراقبها شمس تتصبب عرقًا.",
          "وخلف الملصق برنامج عملي؛ إذ سيجري سبّاكون فحصًا مجانيًا للتسربات في ٢٠ ألف منزل، وستوزع المدارس مؤقتات للاستحمام، وسيُظهر جدول أسبوعي الأحياء الأكثر خفضًا لاستهلاك المياه.",
          { quote: "يتذكر الناس الصورة أطول مما يتذكرون الإحصاءات. إذا أضحك الكاريكاتير عائلة ثم دفعها إلى إصلاح صنبور يقطر، فقد أدى مهمته", by: "نادية الحداد، مديرة دائرة المياه والمناخ في البصرة" },
          "وتقدّر الدائرة أن التسربات داخل المنازل تمثل نحو عُشر الاستهلاك المنزلي للمياه في المدينة، وأن إصلاح صنبور واحد يقطر يمكن أن يوفر أكثر من ٥ آلاف لتر في السنة.",
          "وسيحصل الحي الأكثر توفيرًا بحلول نهاية الصيف على ملعب أطفال جديد مظلل، تُزرع فيه أشجار من «شهر زراعة الأشجار» في المنطقة.",
        ],
      },
    },
  },
  {
    key: 'heat-working-hours',
    section: 'region',
    tags: ['heatwave', 'weather', 'public-transport'],
    entities: ['basra', 'nadia-al-haddad'],
    hoursAgo: 70,
    versions: {
      en: {
        headline: "Basra moves office hours to dawn and runs buses until midnight as the heat goes on",
        dek: "Government offices will open at 6am and outdoor construction must stop between noon and 4pm while the heatwave lasts.",
        dateline: "Basra",
        byline: "Karim Nassar",
        body: [
          "Government offices in Basra will open at 6am and close at noon for the rest of the week, the city administration announced, as the heatwave entered its ninth day.",
          "Bus services will be extended until midnight so that residents can run errands and visit markets in the cooler evening hours. Several markets have already shifted their busiest trading to after sunset.",
          { quote: "The city is not stopping; it is simply changing its clock. We are asking everyone to do the hard work early and rest in the shade", by: "Nadia Al-Haddad, Director of the Basra Water and Climate Office" },
          "Construction sites must halt outdoor work between noon and 4pm. Inspectors will visit sites to check that workers have shade, water and rest breaks.",
          "Forecasters expect temperatures to ease slightly from Sunday, although daytime highs are likely to stay above 45C.",
        ],
      },
    },
  },
  {
    key: 'heat-shade-trees',
    section: 'environment',
    tags: ['tree-planting', 'heatwave', 'water-saving'],
    entities: ['basra', 'nadia-al-haddad'],
    hoursAgo: 22,
    versions: {
      en: {
        headline: "Basra to plant 10,000 shade trees on its hottest streets before next summer",
        dek: "Heat maps from the summer show that tree-lined streets were up to seven degrees cooler at pavement level.",
        dateline: "Basra",
        byline: "Karim Nassar",
        body: [
          "Basra will plant 10,000 shade trees along its hottest streets and around schools and clinics before next summer, after heat maps recorded during this year's heatwave showed large differences in temperature between neighbourhoods.",
          "Streets lined with mature trees were up to seven degrees cooler at pavement level than bare streets nearby, according to measurements taken by university volunteers with handheld sensors.",
          { quote: "A tree is the cheapest air conditioner a city can buy, and it gets better every year. We will start where people feel the heat the most", by: "Nadia Al-Haddad, Director of the Basra Water and Climate Office" },
          "The planting list favours hardy native species that need little water once established. Young trees will be watered with treated wastewater through underground drip lines to reduce evaporation.",
          "Residents can sponsor a tree outside their home through the regional Plant a Tree Month, which began this week.",
        ],
      },
      fa: {
        headline: "بصره تا تابستان آینده ۱۰ هزار درخت سایه‌دار در گرم‌ترین خیابان‌هایش می‌کارد",
        dek: "نقشه‌های حرارتی تابستان نشان می‌دهد خیابان‌های درخت‌دار در سطح پیاده‌رو تا هفت درجه خنک‌تر بوده‌اند.",
        dateline: "بصره",
        byline: "کریم نصار",
        body: [
          "بصره پیش از تابستان آینده ۱۰ هزار درخت سایه‌دار در امتداد گرم‌ترین خیابان‌هایش و اطراف مدرسه‌ها و درمانگاه‌ها می‌کارد؛ این تصمیم پس از آن گرفته شد که نقشه‌های حرارتی ثبت‌شده در موج گرمای امسال تفاوت زیادی میان دمای محله‌ها نشان داد.",
          "بر اساس اندازه‌گیری‌هایی که داوطلبان دانشگاهی با حسگرهای دستی انجام دادند، خیابان‌هایی که درختان تنومند در کنارشان صف کشیده‌اند در سطح پیاده‌رو تا هفت درجه از خیابان‌های بی‌درخت مجاور خنک‌تر بودند.",
          { quote: "درخت ارزان‌ترین کولری است که یک شهر می‌تواند بخرد و هر سال هم بهتر می‌شود. از جایی شروع می‌کنیم که مردم گرما را بیش از همه حس می‌کنند", by: "نادیا الحداد، مدیر ادارهٔ آب و اقلیم بصره" },
          "در فهرست کاشت، گونه‌های بومی و مقاوم که پس از استقرار به آب کمی نیاز دارند در اولویت‌اند. نهال‌های جوان برای کاهش تبخیر با پساب تصفیه‌شده و از طریق لوله‌های قطره‌ای زیرزمینی آبیاری خواهند شد.",
          "شهروندان می‌توانند در چارچوب «ماه درختکاری» منطقه که این هفته آغاز شده، هزینهٔ کاشت درختی را جلوی خانهٔ خود بر عهده بگیرند.",
        ],
      },
      ar: {
        headline: "البصرة ستزرع ١٠ آلاف شجرة ظل في أشد شوارعها حرارة قبل الصيف المقبل",
        dek: "أظهرت الخرائط الحرارية هذا الصيف أن الشوارع المشجرة كانت أبرد بما يصل إلى سبع درجات على مستوى الرصيف.",
        dateline: "البصرة",
        byline: "كريم نصار",
        body: [
          "ستزرع البصرة ١٠ آلاف شجرة ظل على امتداد أشد شوارعها حرارة وحول المدارس والعيادات قبل الصيف المقبل، بعدما أظهرت خرائط حرارية سُجلت خلال موجة الحر هذا العام فروقًا كبيرة في درجات الحرارة بين الأحياء.",
          "وبحسب قياسات أجراها متطوعون جامعيون بأجهزة استشعار محمولة، كانت الشوارع التي تصطف على جانبيها أشجار كبيرة أبرد بما يصل إلى سبع درجات على مستوى الرصيف من الشوارع الجرداء المجاورة.",
          { quote: "الشجرة أرخص مكيّف هواء يمكن أن تشتريه مدينة، وهي تتحسن كل عام. سنبدأ من حيث يشعر الناس بالحر أكثر من غيرهم", by: "نادية الحداد، مديرة دائرة المياه والمناخ في البصرة" },
          "وتفضّل قائمة الزراعة الأنواع المحلية القوية التي تحتاج إلى القليل من الماء بعد أن تترسخ. وستُروى الأشجار الصغيرة بمياه الصرف المعالجة عبر خطوط تنقيط تحت الأرض للحد من التبخر.",
          "ويمكن للسكان رعاية شجرة أمام منازلهم ضمن «شهر زراعة الأشجار» في المنطقة، الذي انطلق هذا الأسبوع.",
        ],
      },
    },
  },
  {
    key: 'heat-breaks-water-use-down',
    section: 'environment',
    tags: ['heatwave', 'water-saving', 'weather'],
    entities: ['basra', 'nadia-al-haddad'],
    hoursAgo: 10,
    versions: {
      en: {
        headline: "Heatwave breaks over Basra as water office reports a 14 per cent drop in daily use",
        dek: "A cooler north-westerly wind ended the city's longest hot spell in a decade, and households came close to the savings target.",
        dateline: "Basra",
        byline: "Karim Nassar",
        body: [
          "Temperatures in Basra fell below 45 degrees Celsius on Friday for the first time in two weeks, as a cooler wind from the north-west brought an end to the longest heatwave the city has recorded in a decade.",
          "The Basra Water and Climate Office said daily water use had fallen by 14 per cent compared with the first week of the heatwave, close to its target of one fifth, and that no neighbourhood had lost its supply for more than a few hours.",
          { quote: "Residents answered the call. Those savings kept water flowing to hospitals, bakeries and homes on the hottest days, and we are grateful", by: "Nadia Al-Haddad, Director of the Basra Water and Climate Office" },
          { heading: "Leak checks continue" },
          "Free leak checks will continue until the end of the summer. Plumbers have so far repaired more than 6,000 leaking taps and pipes, the office said.",
          "Forecasters warned that another hot spell was possible next month and urged residents to keep the water-saving habits they had picked up.",
        ],
      },
    },
  },
  {
    key: 'heat-night-markets',
    section: 'economy',
    tags: ['heatwave', 'markets', 'public-transport'],
    entities: ['basra'],
    hoursAgo: 62,
    versions: {
      en: {
        headline: "Night markets and ice-cream sellers thrive as Basra shifts its day into the evening",
        dek: "Traders on the corniche say half their weekly sales now happen between 9pm and 1am.",
        dateline: "Basra",
        byline: "Karim Nassar",
        body: [
          "When the sun sets over Basra during the heatwave, the city wakes up. Night markets along the river corniche now stay busy until well after midnight, and ice-cream sellers say they have never had a better summer.",
          "Traders at a clothing market near the old town said half their weekly sales now happen between 9pm and 1am. Several shops have hired extra staff for the late shift.",
          { quote: "In the afternoon the street is empty, like a photograph. At ten at night you cannot find a place to park", by: "Abbas Fadhel, who sells ice cream from a cart on the corniche" },
          "The city has extended bus services and street lighting in the busiest market areas, and the Basra Water and Climate Office has installed free drinking-water fountains at three night markets.",
          "Economists said the evening economy could outlast the heatwave if the later opening hours remain popular with shoppers.",
        ],
      },
    },
  },
  {
    key: 'heat-date-palms-abu-al-khasib',
    section: 'economy',
    tags: ['agriculture', 'heatwave', 'water-saving'],
    entities: ['basra', 'nadia-al-haddad'],
    hoursAgo: 110,
    versions: {
      ar: {
        headline: "نخيل البصرة يصمد أمام موجة الحر والمزارعون يتوقعون موسمًا جيدًا للتمور",
        dek: "يقول مزارعو أبي الخصيب إن الري الليلي وتغطية العذوق ساعدا النخيل على تجاوز أسبوعين من الحرارة الشديدة.",
        dateline: "البصرة",
        byline: "هدى الربيعي",
        body: [
          "رغم أسبوعين من درجات حرارة تجاوزت ٥٠ درجة مئوية، يقول مزارعو النخيل في قضاء أبي الخصيب جنوب البصرة إن أشجارهم صمدت على نحو أفضل مما توقعوا، وإن موسم التمور هذا العام يبدو واعدًا.",
          "ولجأ كثير من المزارعين إلى الري ليلًا بدلًا من النهار للحد من التبخر، كما غطوا عذوق التمر بأكياس شبكية خفيفة لحمايتها من أشعة الشمس الحارقة ومن الطيور.",
          { quote: "النخلة تعرف الحر أكثر منا، لكنها تحتاج إلى الماء في الوقت الصحيح. غيّرنا مواعيد السقي فقط، وكانت النتيجة أفضل مما تخيلنا", by: "جاسم العيداني، مزارع نخيل في أبي الخصيب" },
          { heading: "البرحي والحلاوي" },
          "ويتوقع المزارعون أن يبدأ جني صنفي البرحي والحلاوي خلال أسابيع، على أن تصل أولى الشحنات إلى أسواق البصرة قبل نهاية الشهر المقبل.",
          "وقالت دائرة المياه والمناخ في البصرة إنها ستنظم ورش عمل للمزارعين حول الري بالتنقيط وجدولة السقي، استنادًا إلى تجربة هذا الصيف.",
        ],
      },
    },
  },
];

// ---------------------------------------------------------------------------
// Cluster 6: Tabriz Metro Line 2
// ---------------------------------------------------------------------------
const metroStories: DemoStory[] = [
  {
    key: 'metro-line-2-opens',
    section: 'region',
    tags: ['metro', 'public-transport', 'universities'],
    entities: ['tabriz', 'tabriz-metro', 'soraya-eskandari'],
    hoursAgo: 690,
    versions: {
      en: {
        headline: "Tabriz Metro Line 2 opens: 18 stations, 22 km, a stop beneath the bazaar — and trains every four minutes",
        dek: "The east-west line links the railway station with the university district and is expected to carry 150,000 passengers a day.",
        dateline: "Tabriz",
        byline: "Shirin Mahdavi",
        body: [
          "Tabriz opened the second line of its metro on Monday, a 22-kilometre east-west route with 18 stations that links the main railway station with the university district and passes beneath the edge of the historic bazaar.",
          "The first trains left the terminals at 6am, and by mid-morning the Tabriz Metro Company said 40,000 journeys had already been made. Rides are free for the first week.",
          { quote: "For the first time, a student in the east of the city can reach a lecture in the west in under half an hour, whatever the traffic and whatever the weather", by: "Soraya Eskandari, Managing Director of the Tabriz Metro Company" },
          { heading: "Four minutes at peak" },
          "Trains will run every four minutes at peak hours and every eight minutes at other times. Every station has lifts and tactile paving, and the carriages have space for wheelchairs, prams and, outside the rush hour, bicycles.",
          "The company expects the line to carry about 150,000 passengers a day within a year, taking an estimated 30,000 car journeys off the city's roads.",
        ],
      },
      fa: {
        headline: "خط ۲ متروی تبریز افتتاح شد: ۱۸ ایستگاه، ۲۲ کیلومتر، ایستگاهی زیر بازار — و قطاری هر چهار دقیقه",
        dek: "این خط شرقی-غربی ایستگاه راه‌آهن را به منطقهٔ دانشگاهی متصل می‌کند و پیش‌بینی می‌شود روزانه ۱۵۰ هزار مسافر را جابه‌جا کند.",
        dateline: "تبریز",
        byline: "شیرین مهدوی",
        body: [
          "تبریز روز دوشنبه خط دوم متروی خود را افتتاح کرد؛ مسیری شرقی-غربی به طول ۲۲ کیلومتر با ۱۸ ایستگاه که ایستگاه اصلی راه‌آهن را به منطقهٔ دانشگاهی متصل می‌کند و از زیر حاشیهٔ بازار تاریخی شهر می‌گذرد.",
          "نخستین قطارها ساعت ۶ صبح از پایانه‌ها حرکت کردند و به اعلام شرکت متروی تبریز، تا میانهٔ صبح ۴۰ هزار سفر انجام شده بود. سفر در هفتهٔ نخست رایگان است.",
          { quote: "برای نخستین بار، دانشجویی در شرق شهر می‌تواند در کمتر از نیم ساعت به کلاسی در غرب شهر برسد، هر قدر هم ترافیک سنگین و هوا نامساعد باشد", by: "ثریا اسکندری، مدیرعامل شرکت متروی تبریز" },
          { heading: "هر چهار دقیقه در ساعات اوج" },
          "قطارها در ساعات اوج هر چهار دقیقه و در سایر ساعات هر هشت دقیقه حرکت می‌کنند. همهٔ ایستگاه‌ها آسانسور و مسیر لمسی برای نابینایان دارند و در واگن‌ها برای ویلچر، کالسکهٔ کودک و، بیرون از ساعات شلوغی، دوچرخه جا هست.",
          "این شرکت پیش‌بینی می‌کند این خط ظرف یک سال روزانه حدود ۱۵۰ هزار مسافر را جابه‌جا کند و حدود ۳۰ هزار سفر خودرویی را از خیابان‌های شهر بکاهد.",
        ],
      },
      ar: {
        headline: "افتتاح الخط الثاني لمترو تبريز: ١٨ محطة و٢٢ كيلومترًا ومحطة تحت البازار — وقطار كل أربع دقائق",
        dek: "يربط الخط الممتد من الشرق إلى الغرب محطة السكك الحديدية بالحي الجامعي، ويُتوقع أن ينقل ١٥٠ ألف راكب يوميًا.",
        dateline: "تبريز",
        byline: "شيرين مهدوي",
        body: [
          "افتتحت تبريز يوم الاثنين الخط الثاني من شبكة المترو، وهو مسار من الشرق إلى الغرب بطول ٢٢ كيلومترًا يضم ١٨ محطة، ويربط محطة السكك الحديدية الرئيسية بالحي الجامعي ويمر تحت أطراف البازار التاريخي.",
          "وانطلقت القطارات الأولى من المحطتين الطرفيتين في السادسة صباحًا، وبحلول منتصف الصباح قالت شركة مترو تبريز إن ٤٠ ألف رحلة قد سُجلت. والركوب مجاني خلال الأسبوع الأول.",
          { quote: "للمرة الأولى، يستطيع طالب في شرق المدينة الوصول إلى محاضرة في غربها في أقل من نصف ساعة، مهما كانت حركة المرور ومهما كان الطقس", by: "ثريا إسكندري، المديرة العامة لشركة مترو تبريز" },
          { heading: "كل أربع دقائق في أوقات الذروة" },
          "وستسير القطارات كل أربع دقائق في أوقات الذروة وكل ثماني دقائق في الأوقات الأخرى. وتضم كل محطة مصاعد وممرات لمسية للمكفوفين، وفي العربات أماكن للكراسي المتحركة وعربات الأطفال، وللدراجات خارج ساعات الذروة.",
          "وتتوقع الشركة أن ينقل الخط نحو ١٥٠ ألف راكب يوميًا في غضون عام، وأن يخفف عن شوارع المدينة ما يقدر بنحو ٣٠ ألف رحلة بالسيارة.",
        ],
      },
    },
  },
  {
    key: 'metro-bazaar-water-channel',
    section: 'culture',
    tags: ['metro', 'heritage', 'museums'],
    entities: ['tabriz', 'tabriz-metro', 'soraya-eskandari'],
    hoursAgo: 700,
    versions: {
      en: {
        headline: "Old brick water channel found beneath the Tabriz bazaar goes on show in a metro station",
        dek: "Tunnelling for Line 2 was paused for seven weeks while archaeologists recorded and lifted the channel in 40 sections.",
        dateline: "Tabriz",
        byline: "Shirin Mahdavi",
        body: [
          "Passengers using the new Bazaar station on Tabriz Metro Line 2 will walk past a section of brick water channel uncovered by engineers during tunnelling, now displayed behind glass in the station's main hall.",
          "Archaeologists believe the channel, part of a network that once carried water from the hills to the city's gardens and bathhouses, is several centuries old. Tunnelling was paused for seven weeks while it was recorded and moved.",
          { quote: "We could have built around it and hidden it. Instead we decided that thousands of people a day should see what was under their feet", by: "Soraya Eskandari, Managing Director of the Tabriz Metro Company" },
          "Panels in Azerbaijani, Persian and English explain how the water system worked and how the channel was lifted in 40 numbered sections and reassembled.",
          "The station's walls are lined with tiles in the colours of the city's carpets, designed by students from a local art school.",
        ],
      },
    },
  },
  {
    key: 'metro-trial-runs',
    section: 'region',
    tags: ['metro', 'public-transport', 'weather'],
    entities: ['tabriz', 'tabriz-metro', 'soraya-eskandari'],
    hoursAgo: 715,
    versions: {
      en: {
        headline: "Trial runs begin on Tabriz Metro Line 2 with sandbags and 2,000 volunteer passengers",
        dek: "Engineers are testing brakes, signals, ventilation and winter-proof entrances before the line opens to the public.",
        dateline: "Tabriz",
        byline: "Shirin Mahdavi",
        body: [
          "Trains began trial runs on Tabriz Metro Line 2 this week, shuttling up and down the 22-kilometre route with sandbags in place of passengers to test brakes, signals and ventilation under full load.",
          "From next week, 2,000 volunteer passengers, including wheelchair users and parents with prams, will ride the line and report problems through a short online form.",
          { quote: "We would rather find a stiff door or a confusing sign now, with volunteers, than on opening day with a hundred thousand passengers", by: "Soraya Eskandari, Managing Director of the Tabriz Metro Company" },
          "Engineers are also checking how the stations will cope in winter. Tabriz regularly sees snow and sub-zero temperatures, and station entrances have been fitted with heated mats and wind screens.",
          "The company said the line remained on schedule to open to the public in the coming days.",
        ],
      },
    },
  },
  {
    key: 'metro-first-month',
    section: 'region',
    tags: ['metro', 'public-transport'],
    entities: ['tabriz', 'tabriz-metro', 'soraya-eskandari'],
    hoursAgo: 2,
    versions: {
      en: {
        headline: "A month on, Tabriz Metro Line 2 carries 95,000 passengers a day and reshapes bus routes",
        dek: "Ridership is ahead of forecasts, and the city is redrawing 14 bus lines to feed passengers into the new stations.",
        dateline: "Tabriz",
        byline: "Shirin Mahdavi",
        body: [
          "One month after it opened, Tabriz Metro Line 2 is carrying an average of 95,000 passengers on weekdays, well ahead of the company's forecast for its first quarter, the Tabriz Metro Company said on Sunday.",
          "The busiest stations are the university terminus and the Bazaar stop, where morning queues at the ticket gates prompted the company to open two extra entrances.",
          { quote: "People have changed their habits faster than we expected. Now our job is to make the whole network fit around the line, so that no one has to walk too far to reach it", by: "Soraya Eskandari, Managing Director of the Tabriz Metro Company" },
          "The city is redrawing 14 bus routes so that they feed into metro stations instead of running parallel to the line. Secure parking for 600 bicycles will be added at six stations by the end of the year.",
          "Air-quality monitors along the main road above the line have recorded a small but measurable fall in pollution during the morning rush, the city's environment office said.",
        ],
      },
      fa: {
        headline: "یک ماه پس از افتتاح، خط ۲ متروی تبریز روزانه ۹۵ هزار مسافر دارد و مسیر اتوبوس‌ها را تغییر می‌دهد",
        dek: "شمار مسافران از پیش‌بینی‌ها جلوتر است و شهر ۱۴ خط اتوبوس را از نو طراحی می‌کند تا مسافران را به ایستگاه‌های تازه برساند.",
        dateline: "تبریز",
        byline: "شیرین مهدوی",
        body: [
          "به اعلام شرکت متروی تبریز، خط ۲ متروی این شهر یک ماه پس از افتتاح، در روزهای کاری به‌طور میانگین ۹۵ هزار مسافر را جابه‌جا می‌کند؛ رقمی که بسیار بیشتر از پیش‌بینی شرکت برای سه ماه نخست است.",
          "شلوغ‌ترین ایستگاه‌ها پایانهٔ دانشگاه و ایستگاه بازار هستند؛ جایی که صف‌های صبحگاهی پشت گیت‌های بلیت، شرکت را به گشودن دو ورودی اضافه واداشت.",
          { quote: "مردم عادت‌هایشان را سریع‌تر از آنچه انتظار داشتیم تغییر داده‌اند. اکنون وظیفهٔ ما این است که کل شبکه را با این خط هماهنگ کنیم تا هیچ‌کس برای رسیدن به آن ناچار به پیاده‌روی طولانی نباشد", by: "ثریا اسکندری، مدیرعامل شرکت متروی تبریز" },
          "شهر ۱۴ خط اتوبوس را از نو طراحی می‌کند تا به جای حرکت به موازات خط مترو، مسافران را به ایستگاه‌های آن برسانند. تا پایان سال نیز پارکینگ امن دوچرخه با ظرفیت ۶۰۰ دوچرخه در شش ایستگاه ساخته می‌شود.",
          "به گفتهٔ ادارهٔ محیط زیست شهر، ایستگاه‌های پایش کیفیت هوا در امتداد خیابان اصلی بالای این خط، کاهشی اندک اما قابل اندازه‌گیری در آلودگی ساعات شلوغ صبح ثبت کرده‌اند.",
        ],
      },
      ar: {
        headline: "بعد شهر من افتتاحه، الخط الثاني لمترو تبريز ينقل ٩٥ ألف راكب يوميًا ويعيد رسم خطوط الحافلات",
        dek: "يفوق عدد الركاب التوقعات، والمدينة تعيد تصميم ١٤ خط حافلات لتغذية المحطات الجديدة بالركاب.",
        dateline: "تبريز",
        byline: "شيرين مهدوي",
        body: [
          "قالت شركة مترو تبريز يوم الأحد إن الخط الثاني للمترو ينقل، بعد شهر من افتتاحه، ٩٥ ألف راكب في المتوسط في أيام العمل، متجاوزًا بكثير توقعات الشركة للأشهر الثلاثة الأولى.",
          "وأكثر المحطات ازدحامًا هي المحطة الطرفية عند الجامعة ومحطة البازار، حيث دفعت الطوابير الصباحية عند بوابات التذاكر الشركة إلى فتح مدخلين إضافيين.",
          { quote: "غيّر الناس عاداتهم أسرع مما توقعنا. ومهمتنا الآن أن نجعل الشبكة كلها تتكيف مع هذا الخط، حتى لا يضطر أحد إلى المشي مسافة طويلة للوصول إليه", by: "ثريا إسكندري، المديرة العامة لشركة مترو تبريز" },
          "وتعيد المدينة تصميم ١٤ خط حافلات بحيث تغذي محطات المترو بدلًا من أن تسير موازية للخط. كما ستُضاف مواقف آمنة تتسع لـ٦٠٠ دراجة في ست محطات بحلول نهاية العام.",
          "وقال مكتب البيئة في المدينة إن أجهزة رصد جودة الهواء على امتداد الشارع الرئيسي الذي يمر الخط تحته سجلت انخفاضًا طفيفًا لكنه قابل للقياس في التلوث خلال ذروة الصباح.",
        ],
      },
    },
  },
  {
    key: 'metro-single-fare-card',
    section: 'economy',
    tags: ['metro', 'public-transport', 'markets'],
    entities: ['tabriz', 'tabriz-metro', 'soraya-eskandari'],
    hoursAgo: 320,
    versions: {
      en: {
        headline: "One card for trains, buses and bikes: Tabriz introduces a capped contactless fare",
        dek: "Frequent travellers will never pay more than the price of four journeys a day, and students and over-65s travel at half price.",
        dateline: "Tabriz",
        byline: "Shirin Mahdavi",
        body: [
          "Passengers in Tabriz will be able to pay for metro, bus and bike-hire journeys with a single contactless card from next month, the Tabriz Metro Company announced.",
          "Fares will be capped at the price of four journeys a day, so that frequent travellers never pay more than a daily ticket. Students and passengers over 65 will pay half price.",
          { quote: "Nobody should need to do arithmetic at the ticket gate. Touch in, touch out, and the card works out the cheapest fare for you", by: "Soraya Eskandari, Managing Director of the Tabriz Metro Company" },
          "The card can also be topped up through a phone app, and the company said paper tickets would remain available at every station for visitors and for anyone who prefers them.",
          "Shopkeepers near several stations will sell and top up the cards, earning a small commission on each sale.",
        ],
      },
    },
  },
  {
    key: 'metro-music-between-stations',
    section: 'culture',
    tags: ['metro', 'festivals', 'heritage'],
    entities: ['tabriz', 'tabriz-metro', 'soraya-eskandari'],
    hoursAgo: 270,
    versions: {
      en: {
        headline: "Ashik singers and student orchestras bring live music to Tabriz metro stations",
        dek: "The Music Between Stations programme pays performers chosen by open audition to play in station halls during the evening rush.",
        dateline: "Tabriz",
        byline: "Shirin Mahdavi",
        body: [
          "Commuters on Tabriz Metro Line 2 are being greeted by live music this month, as traditional ashik singers, student orchestras and jazz trios take turns performing in station halls during the evening rush.",
          "The programme, called Music Between Stations, was organised by the Tabriz Metro Company with the city's music school. Performers are paid a fee and are chosen through open auditions.",
          { quote: "A station should not feel like a corridor. If someone misses a train because they stopped to listen to a song, we consider that a success", by: "Soraya Eskandari, Managing Director of the Tabriz Metro Company" },
          "The most popular performances so far have come from an ashik duo who play the long-necked saz and sing old love stories, drawing crowds of commuters who film them on their phones.",
          "The company plans to extend the programme to the city's first metro line next year.",
        ],
      },
    },
  },
  {
    key: 'metro-airport-extension',
    section: 'region',
    tags: ['metro', 'public-transport'],
    entities: ['tabriz', 'tabriz-metro', 'soraya-eskandari'],
    hoursAgo: 26,
    versions: {
      en: {
        headline: "Tabriz asks residents to choose between two routes for a metro extension to the airport",
        dek: "An underground northern route would serve more homes; an elevated southern route would cost less.",
        dateline: "Tabriz",
        byline: "Shirin Mahdavi",
        body: [
          "Residents of Tabriz have six weeks to comment on two possible routes for an extension of Metro Line 2 to the city's airport, following the line's strong first month.",
          "The northern option would run mostly underground through dense neighbourhoods, adding four stations. The southern option would run on an elevated track alongside an existing highway, costing less but serving fewer homes.",
          { quote: "Both routes reach the airport. The question is who else they should serve along the way, and residents are best placed to answer it", by: "Soraya Eskandari, Managing Director of the Tabriz Metro Company" },
          "Public meetings will be held in each affected district, and an online map lets residents see how close each proposed station would be to their homes.",
          "A final decision is expected by the end of the year, with construction starting no earlier than the following spring.",
        ],
      },
    },
  },
];

// ---------------------------------------------------------------------------
// Stand-alone stories
// ---------------------------------------------------------------------------
const otherStories: DemoStory[] = [
  {
    key: 'blood-donation-week',
    section: 'region',
    tags: ['health', 'universities'],
    entities: ['shiraz', 'shiraz-science-museum'],
    hoursAgo: 36,
    versions: {
      en: {
        headline: "Blood donation week opens with mobile clinics at universities, markets and stadiums",
        dek: "Organisers hope to collect 12,000 donations in seven days to rebuild stocks before the winter.",
        dateline: "Shiraz",
        byline: "Sara Bahrami",
        body: [
          "A regional blood donation week opened on Saturday with 30 mobile clinics parked outside universities, covered markets and sports stadiums, as organisers aim to collect 12,000 donations in seven days.",
          "Stocks usually fall during the summer holidays, when regular donors are travelling and schools and offices are quieter. The week is intended to rebuild reserves before the busy winter months.",
          { quote: "One donation takes about ten minutes and can help up to three patients. We are asking healthy adults to give ten minutes of their week", by: "Dr Mina Jafari, Director of the Shiraz Regional Blood Transfusion Centre" },
          "First-time donors will receive a small card showing their blood group, and every donor will be offered juice, biscuits and a free ticket to the Shiraz Museum of Science and Light.",
          "Donors must be aged between 18 and 60, weigh more than 50 kilograms and be in good health. Clinics are open from 8am to 8pm.",
        ],
      },
      fa: {
        headline: "هفتهٔ اهدای خون با درمانگاه‌های سیار در دانشگاه‌ها، بازارها و ورزشگاه‌ها آغاز شد",
        dek: "برگزارکنندگان امیدوارند ظرف هفت روز ۱۲ هزار واحد خون جمع‌آوری کنند تا ذخایر پیش از زمستان تقویت شود.",
        dateline: "شیراز",
        byline: "سارا بهرامی",
        body: [
          "هفتهٔ منطقه‌ای اهدای خون روز شنبه با استقرار ۳۰ درمانگاه سیار در برابر دانشگاه‌ها، بازارهای سرپوشیده و ورزشگاه‌ها آغاز شد و برگزارکنندگان می‌خواهند ظرف هفت روز ۱۲ هزار واحد خون جمع‌آوری کنند.",
          "ذخایر خون معمولاً در تعطیلات تابستانی کاهش می‌یابد؛ زمانی که اهداکنندگان همیشگی در سفرند و مدرسه‌ها و اداره‌ها خلوت‌ترند. هدف این هفته بازسازی ذخایر پیش از ماه‌های پرکار زمستان است.",
          { quote: "هر بار اهدای خون حدود ده دقیقه طول می‌کشد و می‌تواند به سه بیمار کمک کند. از بزرگسالان سالم می‌خواهیم ده دقیقه از هفتهٔ خود را هدیه کنند", by: "دکتر مینا جعفری، مدیر مرکز انتقال خون منطقه‌ای شیراز" },
          "به کسانی که برای نخستین بار خون اهدا می‌کنند کارت کوچکی با گروه خونی‌شان داده می‌شود و از همهٔ اهداکنندگان با آبمیوه و بیسکویت پذیرایی می‌شود و بلیت رایگان موزهٔ علم و نور شیراز نیز به آن‌ها هدیه داده می‌شود.",
          "اهداکنندگان باید بین ۱۸ تا ۶۰ سال سن، بیش از ۵۰ کیلوگرم وزن و سلامت کامل داشته باشند. درمانگاه‌ها از ساعت ۸ صبح تا ۸ شب باز هستند.",
        ],
      },
      ar: {
        headline: "انطلاق أسبوع التبرع بالدم بعيادات متنقلة في الجامعات والأسواق والملاعب",
        dek: "يأمل المنظمون جمع ١٢ ألف تبرع خلال سبعة أيام لإعادة بناء المخزون قبل الشتاء.",
        dateline: "شيراز",
        byline: "سارا بهرامي",
        body: [
          "انطلق يوم السبت أسبوع إقليمي للتبرع بالدم، مع توقف ٣٠ عيادة متنقلة أمام الجامعات والأسواق المسقوفة والملاعب الرياضية، ويسعى المنظمون إلى جمع ١٢ ألف تبرع في سبعة أيام.",
          "وعادة ما يتراجع المخزون خلال العطلة الصيفية، حين يسافر المتبرعون المنتظمون وتهدأ المدارس والمكاتب. ويهدف الأسبوع إلى إعادة بناء الاحتياطي قبل أشهر الشتاء المزدحمة.",
          { quote: "يستغرق التبرع الواحد نحو عشر دقائق ويمكن أن يساعد ما يصل إلى ثلاثة مرضى. نطلب من البالغين الأصحاء أن يمنحوا عشر دقائق من أسبوعهم", by: "الدكتورة مينا جعفري، مديرة مركز شيراز الإقليمي لنقل الدم" },
          "وسيحصل المتبرعون لأول مرة على بطاقة صغيرة تبين فصيلة دمهم، وسيُقدَّم لكل متبرع عصير وبسكويت وتذكرة مجانية لزيارة متحف شيراز للعلوم والضوء.",
          "ويجب أن يتراوح عمر المتبرعين بين ١٨ و٦٠ عامًا، وأن يزيد وزنهم على ٥٠ كيلوغرامًا، وأن يتمتعوا بصحة جيدة. وتفتح العيادات من الثامنة صباحًا حتى الثامنة مساءً.",
        ],
      },
    },
  },
  {
    key: 'tabriz-carpet-week',
    section: 'culture',
    tags: ['festivals', 'heritage', 'markets'],
    entities: ['tabriz', 'tabriz-metro'],
    hoursAgo: 240,
    versions: {
      en: {
        headline: "Tabriz carpet week draws weavers, dyers and buyers to a festival in a bazaar courtyard",
        dek: "Natural-dye workshops and a children's weaving corner sit alongside trade stalls at the ten-day event.",
        dateline: "Tabriz",
        byline: "Shirin Mahdavi",
        body: [
          "Weavers, wool dyers and carpet dealers from across the north-west have gathered in a courtyard of the Tabriz bazaar for a ten-day carpet week, combining trade stalls with workshops open to the public.",
          "The most crowded corner is a dye kitchen where craftspeople boil madder root, walnut husks and pomegranate skins to produce the reds, browns and yellows used in traditional rugs.",
          { quote: "Buyers today want to know who made the carpet and how. When they see the dye pots and the looms, they understand why a good rug takes a year", by: "Rahim Aghazadeh, chair of the Tabriz Carpet Weavers' Guild" },
          "A children's corner lets young visitors tie their first knots on a small loom. Their work will be joined into a single community rug and displayed at the Bazaar station of Tabriz Metro Line 2.",
          "Organisers said many visitors were arriving by metro, and that the festival would return next year with a larger space for independent weavers.",
        ],
      },
    },
  },
  {
    key: 'autumn-rain-reservoir',
    section: 'environment',
    tags: ['weather', 'river-restoration', 'water-saving'],
    entities: ['isfahan', 'zayandeh-rud', 'leyla-baranzadeh'],
    hoursAgo: 14,
    versions: {
      en: {
        headline: "Early autumn rain lifts the reservoir upstream of Esfahan and raises hopes for spring",
        dek: "Three days of steady rain and the first snow on the Zagros peaks added water to the main reservoir feeding the Zayandeh Rud.",
        dateline: "Esfahan",
        byline: "Maryam Rostami",
        body: [
          "Three days of steady rain across the Zagros mountains have raised the level of the main reservoir feeding the Zayandeh Rud, giving water managers in Esfahan their best start to the wet season in several years.",
          "Forecasters said the first snow of the season had also settled on the highest peaks. Snowmelt in spring is the river's most important source of water, and an early snowpack is usually a good sign.",
          { quote: "One wet week does not make a wet year, but it lets us plan the spring release with a little more confidence", by: "Leyla Baranzadeh, Director of the Zayandeh Rud Restoration Authority" },
          "The authority said it would not change its published release calendar until the snowpack had been measured in late winter, but that any extra water would go first to the riverbank saplings and the restored wetlands.",
          "Farmers downstream welcomed the news but urged residents of Isfahan and the surrounding towns to keep saving water at home.",
        ],
      },
    },
  },
];

export const stories: DemoStory[] = [
  ...riverStories,
  ...saffronStories,
  ...footballStories,
  ...museumStories,
  ...heatStories,
  ...metroStories,
  ...otherStories,
];

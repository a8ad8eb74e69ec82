// Interface strings of media upkeep (the backfill of image renditions), in every shipped language (see ../part.ts).
import { definePart } from '../part.js';

export default definePart(
  {
    'errors.media.batch': 'The batch size must be a whole number from {min} to {max}.',
  },
  {
    fa: { 'errors.media.batch': 'اندازهٔ هر دسته باید عددی صحیح از {min} تا {max} باشد.' },
    ar: { 'errors.media.batch': 'يجب أن يكون حجم الدفعة عددًا صحيحًا من {min} إلى {max}.' },
    fr: { 'errors.media.batch': 'La taille du lot doit être un nombre entier de {min} à {max}.' },
    es: { 'errors.media.batch': 'El tamaño del lote debe ser un número entero entre {min} y {max}.' },
    ur: { 'errors.media.batch': 'ہر کھیپ کا سائز {min} سے {max} تک کوئی مکمل عدد ہونا چاہیے۔' },
  },
);

// Interface strings of the comments feature, in every shipped language (see ../part.ts).
import { definePart } from '../part.js';

export default definePart(
  {},
  { fa: {}, ar: {}, fr: {}, es: {}, ur: {} },
);

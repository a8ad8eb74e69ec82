// Types for ico-endec (it ships none): an ICO container of PNG (or BMP) images.
declare module 'ico-endec' {
  const icoEndec: {
    encode(images: Array<Buffer | ArrayBuffer>): Buffer;
    decode(data: Buffer | ArrayBuffer): Array<{ type: string; width: number; height: number; bpp: number; data: Buffer }>;
  };
  export default icoEndec;
}

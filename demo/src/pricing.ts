export interface Discount {
  code: string;
  percent: number;
}

const PRICES: Record<string, number> = {
  '978-0134685991': 45.99,
  '978-1617294136': 39.5,
  '978-0596517748': 29.99,
};

export function priceFor(isbn: string): number {
  const price = PRICES[isbn];
  if (price === undefined) {
    throw new Error('unknown book ' + isbn);
  }
  return price;
}

export function parseDiscount(code: string): Discount | undefined {
  const match = /^SAVE(\d{1,2})$/.exec(code);
  if (!match) return undefined;
  return { code, percent: parseInt(match[1]) };
}

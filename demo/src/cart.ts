import { priceFor, Discount } from './pricing';

export interface CartLine {
  isbn: string;
  quantity: number;
}

export class Cart {
  private lines: CartLine[] = [];

  add(isbn: string, quantity = 1): void {
    const existing = this.lines.find((l) => l.isbn === isbn);
    if (existing) {
      existing.quantity += quantity;
    } else {
      this.lines.push({ isbn, quantity });
    }
  }

  remove(isbn: string): void {
    this.lines = this.lines.filter((l) => l.isbn !== isbn);
  }

  total(discount?: Discount): number {
    let sum = 0;
    for (const line of this.lines) {
      sum = sum + priceFor(line.isbn) * line.quantity;
    }
    if (discount) {
      sum = sum - sum * discount.percent / 100;
    }
    return Math.round(sum * 100) / 100;
  }

  get size(): number {
    return this.lines.reduce((n, l) => n + l.quantity, 0);
  }
}

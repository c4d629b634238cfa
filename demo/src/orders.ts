import { Cart } from './cart';
import { parseDiscount } from './pricing';

export interface Order {
  id: string;
  total: number;
  createdAt: Date;
}

let nextId = 1;

export function checkout(cart: Cart, discountCode?: string): Order {
  if (cart.size === 0) {
    throw new Error('empty cart');
  }
  const discount = discountCode ? parseDiscount(discountCode) : undefined;
  const order = { id: 'ord-' + nextId++, total: cart.total(discount), createdAt: new Date() };
  console.log('order created', order);
  return order;
}

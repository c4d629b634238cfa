import * as assert from 'node:assert/strict';
import { lacksNextStep } from '../../src/core/domain/feedbackQuality';

/** Review sentences as mentors write them, each labelled: does it name a next step? */
const LABELLED: [string, boolean][] = [
  ['Include the status code and response body in the error so the caller can tell a 404 from a timeout.', true],
  ['Return early here and the else branch goes away.', true],
  ['Handle the empty cart before computing the discount.', true],
  ['Pass the radix to parseInt, or use Number().', true],
  ['Extract the price lookup into its own function.', true],
  ['Guard against a missing ISBN before the lookup.', true],
  ['You can drop the intermediate array with a reduce.', true],
  ['This needs to be behind the feature flag.', true],
  ['Better to log the order id than the whole order.', true],
  ['Make sure the fixture resets between tests.', true],
  ['nit: rename `tmp` to `subtotal`.', true],
  ['Wrap this in a transaction so a failure rolls back both writes.', true],
  ["Don't catch the error here; the caller knows what to do with it.", true],
  ['It would be clearer with a named constant for 0.99.', true],
  ['Keep the public API small: expose only `total()`.', true],
  ['Sort the lines by ISBN so the receipt is stable.', true],
  ['Validate the coupon code before it reaches the database.', true],
  ['Cover the three-line case with .99 prices in a test.', true],
  ['The test name says what, but not why: describe the rule it checks.', true],
  ['Split this PR: the refactor and the feature are easier to review apart.', true],
  ['This swallows the error.', false],
  ['The naming here is confusing.', false],
  ['Magic number.', false],
  ['This loop runs twice for every line.', false],
  ['The discount is applied after summing floats.', false],
  ['This function is too long.', false],
  ['Duplicated with the one in orders.ts.', false],
  ['This breaks when the cart is empty.', false],
  ['The error message leaks the file path.', false],
  ['Not thread-safe.', false],
  ['The commit message does not match the change.', false],
  ['This was already fixed in main.', false],
  ['The indentation is off in this block.', false],
  ['Hard to follow.', false],
  ['The test depends on the order of the map.', false],
  ['This is the third copy of this helper.', false],
  ['This allocates a new array on every render.', false],
  ['The variable shadows the import.', false],
  ['This comment is out of date.', false],
  ['The timeout is very short for CI machines.', false],
];

describe('the next-step coach', () => {
  it('agrees with the labels on at least 36 of 40 review sentences', () => {
    assert.equal(LABELLED.length, 40);
    const wrong = LABELLED.filter(([text, hasStep]) => lacksNextStep('issue', text) === hasStep);
    assert.ok(wrong.length <= 4, `disagrees on ${wrong.length}: ${wrong.map(([t]) => t).join(' | ')}`);
  });

  it('never nags praise, thoughts or questions', () => {
    assert.equal(lacksNextStep('praise', 'Clear names.'), false);
    assert.equal(lacksNextStep('thought', 'The engine could be its own module.'), false);
    assert.equal(lacksNextStep('issue', 'Why round here?'), false);
  });
});

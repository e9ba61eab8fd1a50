/** Runs once before all test files. Services are checked by each integration helper. */
export default function setup(): void {}

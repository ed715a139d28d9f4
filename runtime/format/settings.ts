/**
 * Culture-dependent formatting choices, fixed for the emulator (see docs/formatting.md).
 * numberDecimalDigits is CultureInfo.NumberFormat.NumberDecimalDigits, which pwsh 7 uses for
 * fractional numbers in generated tables: en-US gives 3 with ICU (.NET on Linux, what the oracle
 * runs) and 2 with Windows NLS.
 */
export const formatSettings = {
  numberDecimalDigits: 3,
};

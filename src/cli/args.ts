/** Flag parsing on node:util parseArgs, turning its errors into one-line CLI errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    const message = (err as Error).message.replace(/\. To specify .*$/s, '');
    throw new CliError(`${command}: ${message} (see 'flux ${command} --help')`);
  }
}

/** A non-negative integer flag value, or a clear error naming the flag. */
export function integerFlag(
  command: string,
  name: string,
  value: string | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`${command}: --${name} must be a non-negative integer, got '${value}'`);
  }
  return Number(value);
}

/** A "lon,lat" flag value. */
export function lonLatFlag(
  command: string,
  name: string,
  value: string | undefined,
): [number, number] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map(Number);
  if (
    parts.length !== 2 ||
    parts.some((v) => !Number.isFinite(v)) ||
    Math.abs(parts[0]) > 180 ||
    Math.abs(parts[1]) > 85
  ) {
    throw new CliError(`${command}: --${name} must be "lon,lat" in degrees, got '${value}'`);
  }
  return [parts[0], parts[1]];
}

import { InvalidArgumentError } from 'commander';

export function parseYear(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new InvalidArgumentError(`"${text}" is not a report year`);
  return year;
}

export function parseChoice<T extends string>(choices: readonly T[]): (text: string) => T {
  return (text) => {
    if (!(choices as readonly string[]).includes(text)) throw new InvalidArgumentError(`choose one of ${choices.join(', ')}`);
    return text as T;
  };
}

export function parsePort(text: string): number {
  const port = Number(text);
  if (!isPort(port)) throw new InvalidArgumentError(`"${text}" is not a port number`);
  return port;
}

/** $PORT, for a command given no --port; 4000 when it is unset. */
export function portFromEnvironment(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return 4000;
  const port = Number(text);
  if (!isPort(port)) throw new Error(`PORT must be a port number from 0 to 65535, got "${text}"`);
  return port;
}

function isPort(port: number): boolean {
  return Number.isInteger(port) && port >= 0 && port <= 65535;
}

export function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError(`"${text}" is not a positive whole number`);
  return value;
}

// Every built-in scenario kind registers itself by being imported here.
export {};

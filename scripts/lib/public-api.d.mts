// Types of public-api.mjs, for the packages' readme-api tests.
export declare function exportedNames(entryFile: string): string[];
export declare function documentedNames(readmeFile: string, heading: string): string[];

/** A file of the monorepo as UTF-8 text; `relative` is from the repository's root. */
export declare function readRepoFile(relative: string): string;

/** Placeholder: the database template is prepared here once the data layer lands. */
export default function setup(): void {}

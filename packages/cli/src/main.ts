/** Entry point of the `socifyr` command. Only this file calls process.exit. */
process.stdout.write('socifyr\n');

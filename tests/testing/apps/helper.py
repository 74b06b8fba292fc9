GREETING = "hello from a file"

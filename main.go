// Command explainer serves interactive news explainers, checks, exports
// and publishes them, and opens the studio to edit them. What runs in the
// reader's browser is its own program (app/widget/webapp), as is the
// studio's (app/studio/webapp); this one holds no go-app.
package main

import (
	"os"

	"explainer/app/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
